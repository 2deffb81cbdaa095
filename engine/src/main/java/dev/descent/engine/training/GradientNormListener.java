package dev.descent.engine.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Measures the global L2 norm of the per-sample-averaged gradient, {@code ‖(1/B) Σ_i ∇ℓ_i‖₂} over all
 * parameters, for each minibatch of size {@code B}. DL4J 1.0.0-M2.1 calls {@code onBackwardPass} from
 * {@code MultiLayerNetwork.computeGradientAndScore}, before the updater runs; at that point the flattened gradient
 * view holds the batch <em>sum</em> (the loss functions do not divide; {@code BaseMultiLayerUpdater.update} divides
 * by the minibatch size afterwards), so the norm is divided by {@code B} here.
 */
final class GradientNormListener extends BaseTrainingListener {
  private double lastNorm = Double.NaN;

  @Override
  public void onBackwardPass(Model model) {
    lastNorm = model.gradient().gradient().norm2Number().doubleValue() / model.batchSize();
  }

  /** The norm measured during the latest backward pass. */
  double lastNorm() {
    return lastNorm;
  }
}
