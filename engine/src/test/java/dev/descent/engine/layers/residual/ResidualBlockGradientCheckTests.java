package dev.descent.engine.layers.residual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.support.DoublePrecision;
import dev.descent.engine.support.GradientChecks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * DL4J's double-precision gradient check (central differences against the analytic gradient, training mode) of
 * networks containing a residual block: every parameter of the inner layers and of the layers before the block, whose
 * gradient must flow through both the identity path and F.
 */
@ExtendWith(DoublePrecision.class)
class ResidualBlockGradientCheckTests {
  private static final int MINIBATCH = 5;

  private static boolean check(MultiLayerNetwork net, boolean images) {
    return GradientChecks.passes(net, ResidualNetworks.features(images, MINIBATCH, 7),
        ResidualNetworks.labels(MINIBATCH, 7));
  }

  @Test
  void aBlockOfDenseLayersHasExactGradients() {
    assertThat(check(ResidualNetworks.dense(new NoOp(), 1.0), false)).isTrue();
  }

  @Test
  void aBlockOfConvolutionsWithOurBatchAndGroupNormHasExactGradients() {
    MultiLayerNetwork net = ResidualNetworks.conv(new NoOp());
    assertThat(net.getLayer(1)).isInstanceOf(ResidualBlockLayer.class);
    assertThat(((ResidualBlockLayer) net.getLayer(1)).innerLayers()).hasSize(4);
    assertThat(check(net, true)).isTrue();
  }
}
