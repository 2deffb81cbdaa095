package dev.descent.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.support.DoublePrecision;
import dev.descent.engine.support.GradientChecks;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.learning.config.NoOp;

/** DL4J's double-precision gradient check of a small network around each layer (training mode). */
@ExtendWith(DoublePrecision.class)
class NormalizationGradientCheckTests {
  private static final int MINIBATCH = 5;
  /** Entries checked per parameter array: all of the layer under test's γ/β, a sample of the big weight arrays. */
  private static final int MAX_PER_PARAM = 40;

  @EveryLayerCase
  void analyticGradientsMatchFiniteDifferences(String name, boolean conv, Supplier<Layer> layer) {
    MultiLayerNetwork net = TestNetworks.around(conv, layer.get(), new NoOp());
    boolean passed = GradientChecks.passesSampled(net, TestNetworks.features(conv, MINIBATCH, 7),
        TestNetworks.labels(MINIBATCH, 7), MAX_PER_PARAM);
    assertThat(passed).as("gradient check of " + name).isTrue();
  }
}
