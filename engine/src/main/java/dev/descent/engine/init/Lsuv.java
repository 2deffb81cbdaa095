package dev.descent.engine.init;

import dev.descent.engine.layers.maxout.Maxout;
import dev.descent.engine.layers.residual.ResidualBlockLayer;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer-sequential unit-variance initialization (Mishkin and Matas 2016, "All you need is a good init", Algorithm 1):
 * starting from orthogonal weights (what {@link WeightInits} configures for {@code "lsuv"}), for each layer {@code L}
 * in turn, while {@code |Var(B_L) − 1| ≥ tolerance} and fewer than {@code maxIterations} rescalings were made: forward
 * the batch, measure the variance of the layer's pre-activation output {@code B_L} over all its elements (for a
 * convolution: every sample, channel and position), and divide the layer's scale by {@code √Var(B_L)}. The scale is
 * {@code W} for dense and output layers ({@code B = x·W + b}, computed in double) and for convolutions ({@code B = W ⋆
 * x + b}, the layer's own forward pass); for a weight-normalized layer it is the per-unit scale {@code g} ({@code w =
 * g·v/‖v‖}), as rescaling {@code v} changes nothing; for maxout it is {@code W} and {@code B} the layer's output, the
 * max of its pieces. {@code B} is linear in the scale (maxout: positively homogeneous), so each division moves the
 * variance by the factor it aims at, up to the bias. Other layers (pooling, normalization, dropout) are passed through.
 * Each layer sees the batch as the network feeds it (after any input preprocessor: images flattened for a dense layer
 * after a convolution, and so on). A residual block is not scaled itself: its inner weight layers are, in order, each
 * on the block's input passed through the inner layers before it (the residual branch F, without the skip), as they
 * would be at the top level.
 */
public record Lsuv(double tolerance, int maxIterations) {
  /** The paper's {@code Tol_var}. */
  public static final double DEFAULT_TOLERANCE = 0.1;

  /** The paper's {@code T_max}. */
  public static final int DEFAULT_MAX_ITERATIONS = 10;

  public Lsuv {
    if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1) {
      throw new IllegalArgumentException("need 0 < tolerance < 1 and maxIterations >= 1");
    }
  }

  /**
   * Rescales {@code network}'s weights in place on {@code batch} (rows are samples, as the network takes them);
   * returns each layer's output variance after its last rescaling (NaN for a layer it passes through, and for a
   * residual block, whose inner layers it rescales).
   */
  public double[] apply(MultiLayerNetwork network, INDArray batch) {
    double[] variances = new double[network.getnLayers()];
    for (int i = 0; i < variances.length; i++) {
      variances[i] = rescale(network, i, batch);
    }
    return variances;
  }

  /** Rescales layer {@code index} (a block's inner layers for a block); its variance after, or NaN. */
  private double rescale(MultiLayerNetwork network, int index, INDArray batch) {
    Layer layer = network.getLayer(index);
    if (layer instanceof ResidualBlockLayer block) {
      rescaleInner(block, PreActivations.input(network, index, batch));
      return Double.NaN;
    }
    INDArray scale = scale(layer);
    return scale == null ? Double.NaN : rescale(layer, scale, PreActivations.input(network, index, batch));
  }

  /**
   * Rescales the weight layers inside a residual block in order, each on the block's input passed through the
   * (already rescaled) inner layers before it; see {@link #innerOutputVariances} for their variances.
   */
  private void rescaleInner(ResidualBlockLayer block, INDArray blockInput) {
    PreActivations.forEachInner(block, blockInput, (inner, input) -> {
      INDArray scale = scale(inner);
      if (scale != null) {
        rescale(inner, scale, input);
      }
    });
  }

  /** The variance of layer {@code index}'s pre-activation output on {@code batch}; NaN for a layer LSUV skips. */
  public static double outputVariance(MultiLayerNetwork network, int index, INDArray batch) {
    Layer layer = network.getLayer(index);
    return scale(layer) == null ? Double.NaN : variance(layer, PreActivations.input(network, index, batch));
  }

  /**
   * The pre-activation variance on {@code batch} of each inner layer of the residual block at {@code index}, input to
   * output (NaN for an inner layer LSUV skips); empty when layer {@code index} is not a block.
   */
  public static double[] innerOutputVariances(MultiLayerNetwork network, int index, INDArray batch) {
    if (!(network.getLayer(index) instanceof ResidualBlockLayer block)) {
      return new double[0];
    }
    List<Double> out = new ArrayList<>();
    PreActivations.forEachInner(block, PreActivations.input(network, index, batch),
        (inner, input) -> out.add(scale(inner) == null ? Double.NaN : variance(inner, input)));
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The parameter LSUV divides: {@code g} of a weight-normalized layer, else a 2-D or 4-D {@code W}; or null. */
  static INDArray scale(Layer layer) {
    if (layer.numParams() == 0) {
      return null;
    }
    INDArray g = layer.paramTable().get("g");
    INDArray weights = layer.paramTable().get("W");
    if (g != null) {
      return g;
    }
    return weights != null && (weights.rank() == 2 || weights.rank() == 4) ? weights : null;
  }

  private double rescale(Layer layer, INDArray scale, INDArray input) {
    double variance = variance(layer, input);
    for (int iteration = 0; iteration < maxIterations && Math.abs(variance - 1.0) >= tolerance; iteration++) {
      scale.divi(Math.sqrt(variance));
      variance = variance(layer, input);
    }
    return variance;
  }

  private static double variance(Layer layer, INDArray input) {
    INDArray weights = layer.paramTable().get("W");
    boolean dense = weights != null && weights.rank() == 2 && !layer.paramTable().containsKey("g")
        && !(layer.conf().getLayer() instanceof Maxout);
    if (dense && input.rank() == 2) {
      return outputVariance(layer, weights, input.castTo(DataType.DOUBLE));
    }
    return PreActivations.variance(PreActivations.output(layer, input));
  }

  /** Variance over all elements of {@code x·W + b}. */
  static double outputVariance(Layer layer, INDArray weights, INDArray x) {
    INDArray z = x.mmul(weights.castTo(DataType.DOUBLE));
    INDArray bias = layer.getParam("b");
    if (bias != null) {
      z.addiRowVector(bias.castTo(DataType.DOUBLE));
    }
    return PreActivations.variance(z);
  }
}
