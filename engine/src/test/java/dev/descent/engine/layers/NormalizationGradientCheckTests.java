package dev.descent.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.support.DoublePrecision;
import java.util.function.Supplier;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.learning.config.NoOp;

/** DL4J's double-precision gradient check of a small network around each layer (training mode). */
@ExtendWith(DoublePrecision.class)
class NormalizationGradientCheckTests {
  private static final int MINIBATCH = 5;
  private static final double EPSILON = 1e-6;
  private static final double MAX_RELATIVE_ERROR = 1e-6;
  private static final double MIN_ABSOLUTE_ERROR = 1e-9;
  /** Entries checked per parameter array: all of the layer under test's γ/β, a sample of the big weight arrays. */
  private static final int MAX_PER_PARAM = 40;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.descent.engine.layers.LayerCases#all")
  void analyticGradientsMatchFiniteDifferences(String name, boolean conv, Supplier<Layer> layer) {
    MultiLayerNetwork net = conv ? TestNetworks.conv(layer.get(), new NoOp())
        : TestNetworks.dense(layer.get(), new NoOp());
    boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net)
        .input(TestNetworks.features(conv, MINIBATCH, 7)).labels(TestNetworks.labels(MINIBATCH, 7))
        .epsilon(EPSILON).maxRelError(MAX_RELATIVE_ERROR).minAbsoluteError(MIN_ABSOLUTE_ERROR)
        .subset(true).maxPerParam(MAX_PER_PARAM)
        .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
    assertThat(passed).as("gradient check of " + name).isTrue();
  }
}
