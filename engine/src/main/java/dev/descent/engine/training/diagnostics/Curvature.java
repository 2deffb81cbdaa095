package dev.descent.engine.training.diagnostics;

import dev.descent.engine.kernel.HeapChunks;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The curvature of the mean loss of a fixed probe batch along its own gradient g, {@code gᵀHg / ‖g‖² = vᵀHv} with
 * {@code v = g/‖g‖}, by a central finite difference of the gradient: {@code Hv ≈ (∇f(θ + r·v) − ∇f(θ − r·v)) / 2r}
 * with {@code r = 10⁻⁴·(1 + ‖θ‖)}: a step scaled to the parameters, between the float rounding of the gradients
 * (which grows as r shrinks: on a quadratic, where the difference is otherwise exact, 3·10⁻⁵ gave 10⁻³ relative
 * error) and the difference's truncation error (which grows with r: the curvature of a ReLU/batch-norm network
 * changes over short distances, and on the iris example the textbook {@code ε^(1/3) ≈ 5·10⁻³} gave a tenth of the
 * true value). {@code CurvatureTests} checks both ends. Three gradient evaluations
 * (no update), with the network's listeners detached (no clipping, no per-layer series), the ND4J generator seeded
 * the same before each (the same dropout masks), and the parameters (running statistics included) and the score
 * restored bit for bit afterwards. The loss is the data term; weight decay is not part of it.
 */
final class Curvature {
  static final double STEP = 1e-4;
  private static final long PROBE_SEED = 0x5DEECE66DL;

  private final DataSet probe;
  private final long seed;
  private final double step;

  Curvature(DataSet probe, long seed) {
    this(probe, seed, STEP);
  }

  Curvature(DataSet probe, long seed, double step) {
    this.probe = probe;
    this.seed = seed ^ PROBE_SEED;
    this.step = step;
  }

  /** {@code vᵀHv} at the network's parameters; NaN when the probe's gradient is zero or not finite. */
  double measure(MultiLayerNetwork network) {
    List<TrainingListener> listeners = new ArrayList<>(network.getListeners());
    double score = network.score();
    INDArray params = network.params();
    INDArray saved = params.dup();
    try {
      network.setListeners(new ArrayList<TrainingListener>());
      INDArray g = meanGradient(network);
      double norm = HeapChunks.norm2(g);
      if (!(norm > 0) || !Double.isFinite(norm)) {
        return Double.NaN;
      }
      INDArray v = g.divi(norm);
      double r = step * (1 + HeapChunks.norm2(saved));
      params.assign(saved).addi(v.mul(r));
      INDArray plus = meanGradient(network);
      params.assign(saved).subi(v.mul(r));
      INDArray difference = plus.subi(meanGradient(network)).castTo(DataType.DOUBLE);
      return v.castTo(DataType.DOUBLE).mul(difference).sumNumber().doubleValue() / (2 * r);
    } finally {
      params.assign(saved);
      network.setScore(score);
      network.setListeners(listeners);
    }
  }

  /** A copy of the mean gradient {@code (1/B) Σ_i ∇ℓ_i} of the probe batch at the current parameters. */
  private INDArray meanGradient(MultiLayerNetwork network) {
    Nd4j.getRandom().setSeed(seed);
    network.setInput(probe.getFeatures());
    network.setLabels(probe.getLabels());
    network.computeGradientAndScore();
    return network.getGradientsViewArray().div(probe.numExamples()).reshape(network.params().shape());
  }
}
