package dev.descent.engine.init;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer-sequential unit-variance initialization (Mishkin and Matas 2016, "All you need is a good init", Algorithm
 * 1): starting from orthogonal weights (what {@link WeightInits} configures for {@code "lsuv"}), for each layer
 * {@code L} in turn, while {@code |Var(B_L) − 1| ≥ tolerance} and fewer than {@code maxIterations} rescalings were
 * made: forward the batch, measure the variance of the layer's pre-activation output {@code B_L = x_L·W_L + b_L}
 * over all its elements, and set {@code W_L ← W_L/√Var(B_L)}. Layers with 2-D weights {@code W} (dense, output) are
 * scaled; layers without are passed through. Works on feed-forward networks whose layers take 2-D input.
 */
public final class Lsuv {
  /** The paper's {@code Tol_var}. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  /** The paper's {@code T_max}. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

  private final double tolerance;
  private final int maxIterations;

  public Lsuv(double tolerance, int maxIterations) {
    if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1) {
      throw new IllegalArgumentException("need 0 < tolerance < 1 and maxIterations >= 1");
    }
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  public double tolerance() {
    return tolerance;
  }

  public int maxIterations() {
    return maxIterations;
  }

  /**
   * Rescales {@code network}'s weights in place on {@code batch} (rows are samples); returns each layer's output
   * variance after its last rescaling (NaN for a layer without 2-D weights).
   */
  public double[] apply(MultiLayerNetwork network, INDArray batch) {
    double[] variances = new double[network.getnLayers()];
    for (int i = 0; i < variances.length; i++) {
      Layer layer = network.getLayer(i);
      INDArray weights = layer.numParams() == 0 ? null : layer.getParam("W");
      if (weights == null || weights.rank() != 2) {
        variances[i] = Double.NaN;
        continue;
      }
      List<INDArray> activations = network.feedForwardToLayer(i, batch, false);
      variances[i] = rescale(layer, weights, activations.get(i));
    }
    return variances;
  }

  private double rescale(Layer layer, INDArray weights, INDArray input) {
    if (input.rank() != 2) {
      throw new IllegalArgumentException("LSUV needs 2-D layer input, layer " + layer.getIndex() + " gets rank "
          + input.rank());
    }
    INDArray x = input.castTo(DataType.DOUBLE);
    double variance = outputVariance(layer, weights, x);
    for (int iteration = 0; iteration < maxIterations && Math.abs(variance - 1.0) >= tolerance; iteration++) {
      weights.divi(Math.sqrt(variance));
      variance = outputVariance(layer, weights, x);
    }
    return variance;
  }

  /** Variance over all elements of {@code x·W + b}. */
  static double outputVariance(Layer layer, INDArray weights, INDArray x) {
    INDArray z = x.mmul(weights.castTo(DataType.DOUBLE));
    INDArray bias = layer.getParam("b");
    if (bias != null) {
      z.addiRowVector(bias.castTo(DataType.DOUBLE));
    }
    double mean = z.meanNumber().doubleValue();
    return z.mul(z).meanNumber().doubleValue() - mean * mean;
  }
}
