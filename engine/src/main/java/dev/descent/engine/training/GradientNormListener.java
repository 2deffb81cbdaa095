package dev.descent.engine.training;

import dev.descent.engine.kernel.HeapChunks;
import dev.descent.engine.optim.GradientClipping;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures the global L2 norm of the per-sample-averaged gradient, {@code ‖(1/B) Σ_i ∇ℓ_i‖₂} over all
 * parameters, for each minibatch of size {@code B}, and then applies the job's {@link GradientClipping} to it in
 * place, so the reported norm is the one BEFORE clipping. DL4J 1.0.0-M2.1 calls {@code onBackwardPass} from
 * {@code MultiLayerNetwork.computeGradientAndScore}, before the updater runs; at that point the flattened gradient
 * view holds the batch <em>sum</em> (the loss functions do not divide; {@code BaseMultiLayerUpdater.update} divides
 * by the minibatch size afterwards), so the norm is divided by {@code B} and the clipping gets {@code B}.
 */
final class GradientNormListener extends BaseTrainingListener {
  private GradientClipping clipping;
  private double lastNorm = Double.NaN;

  GradientNormListener(GradientClipping clipping) {
    this.clipping = clipping;
  }

  @Override
  public void onBackwardPass(Model model) {
    INDArray gradient = model.gradient().gradient();
    lastNorm = HeapChunks.norm2(gradient) / model.batchSize();
    if (!GradientClipping.NONE.equals(clipping)) {
      clipping.apply(gradient, model.batchSize());
    }
  }

  /** Clips with {@code clipping} from the next backward pass on (a phase's optimizer). */
  void clipping(GradientClipping clipping) {
    this.clipping = clipping;
  }

  /** The norm measured during the latest backward pass, before clipping. */
  double lastNorm() {
    return lastNorm;
  }
}
