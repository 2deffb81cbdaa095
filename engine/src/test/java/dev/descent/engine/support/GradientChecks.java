package dev.descent.engine.support;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's double-precision gradient check as the layer tests run it: central differences with ε = 1e-6 against the
 * analytic gradient, a relative error of at most 1e-6, differences below 1e-9 ignored, every failure printed.
 */
public final class GradientChecks {
  public static final double EPSILON = 1e-6;
  public static final double MAX_RELATIVE_ERROR = 1e-6;
  public static final double MIN_ABSOLUTE_ERROR = 1e-9;

  private GradientChecks() {}

  /** Every entry of every parameter array of {@code net}. */
  public static boolean passes(MultiLayerNetwork net, INDArray input, INDArray labels) {
    return GradientCheckUtil.checkGradients(config(net, input, labels));
  }

  /** At most {@code maxPerParam} entries of each parameter array (DL4J's subset mode). */
  public static boolean passesSampled(MultiLayerNetwork net, INDArray input, INDArray labels, int maxPerParam) {
    return GradientCheckUtil.checkGradients(config(net, input, labels).subset(true).maxPerParam(maxPerParam));
  }

  /** At most {@code maxPerParam} entries of each parameter array of a one-input, one-output graph. */
  public static boolean passesSampled(ComputationGraph graph, INDArray input, INDArray labels, int maxPerParam) {
    return GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
        .inputs(new INDArray[] {input}).labels(new INDArray[] {labels})
        .epsilon(EPSILON).maxRelError(MAX_RELATIVE_ERROR).minAbsoluteError(MIN_ABSOLUTE_ERROR)
        .subset(true).maxPerParam(maxPerParam));
  }

  private static GradientCheckUtil.MLNConfig config(MultiLayerNetwork net, INDArray input, INDArray labels) {
    return new GradientCheckUtil.MLNConfig().net(net).input(input).labels(labels)
        .epsilon(EPSILON).maxRelError(MAX_RELATIVE_ERROR).minAbsoluteError(MIN_ABSOLUTE_ERROR)
        .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false);
  }
}
