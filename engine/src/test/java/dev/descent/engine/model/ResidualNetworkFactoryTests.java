package dev.descent.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.residual.ResidualBlock;
import dev.descent.engine.layers.residual.ResidualBlockLayer;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/** A spec's {@code residual} layer becomes one {@link ResidualBlock} whose inner layers get the network's settings. */
class ResidualNetworkFactoryTests {
  private static final String SPEC = "{\"seed\":4,\"dataset\":{\"name\":\"digits\"},\"model\":{\"layers\":["
      + "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\"},"
      + "{\"type\":\"residual\",\"layers\":[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\","
      + "\"activation\":\"identity\"},{\"type\":\"batchnorm\",\"activation\":\"relu\"}]},"
      + "{\"type\":\"output\"}]},\"optimizer\":{\"type\":\"adamw\",\"lr\":0.01,\"weight_decay\":0.1},\"epochs\":1}";

  @Test
  void theBlockHoldsTheInnerLayersWithTheOptimizerAndWeightDecay() {
    TrainingSpec spec = SpecParser.parse(SPEC, EngineLimits.DEFAULTS);
    MultiLayerNetwork network = NetworkFactory.build(spec, 10);
    assertThat(network.getLayers()).hasSize(3);
    assertThat(network.numParams()).isEqualTo(SpecParser.parameterCount(spec));
    ResidualBlock block = (ResidualBlock) network.getLayer(1).conf().getLayer();
    assertThat(block.getActivationFn()).isInstanceOf(ActivationReLU.class);
    assertThat(block.getLayers()).hasSize(2);
    ConvolutionLayer conv = (ConvolutionLayer) block.getLayers().get(0);
    assertThat(conv.getNIn()).isEqualTo(4);
    Class<?> adamw = ((BaseLayer) network.getOutputLayer().conf().getLayer()).getIUpdater().getClass();
    assertThat(conv.getIUpdater()).isInstanceOf(adamw).isNotInstanceOf(NoOp.class);
    assertThat(conv.getRegularization()).anySatisfy(r -> assertThat(r).isInstanceOf(WeightDecay.class));
    assertThat(block.getUpdaterByParam("0-W")).isInstanceOf(adamw);
    assertThat(block.getRegularizationByParam("0-W")).anySatisfy(r -> assertThat(r).isInstanceOf(WeightDecay.class));
    assertThat(block.getLayers().get(1)).isInstanceOf(BatchNorm.class);
    assertThat(block.getUpdaterByParam("1-runningVar")).isInstanceOf(NoOp.class);
    assertThat(block.getRegularizationByParam("1-runningVar")).isEmpty();
    assertThat(network.getLayer(1)).isInstanceOf(ResidualBlockLayer.class);
  }

  @Test
  void aDenseBlockAfterAFlattenedConvolutionBuildsAndKeepsTheFeatureCount() {
    TrainingSpec spec = SpecParser.parse("{\"dataset\":{\"name\":\"digits\"},\"model\":{\"layers\":["
        + "{\"type\":\"conv2d\",\"filters\":2,\"kernel\":3},{\"type\":\"flatten\"},"
        + "{\"type\":\"residual\",\"layers\":[{\"type\":\"dense\",\"units\":72},{\"type\":\"layernorm\"}]},"
        + "{\"type\":\"output\"}]},\"epochs\":1}", EngineLimits.DEFAULTS);
    MultiLayerNetwork network = NetworkFactory.build(spec, 10);
    assertThat(network.numParams()).isEqualTo(SpecParser.parameterCount(spec));
    INDArray x = Nd4j.rand(DataType.FLOAT, 5, 64);
    assertThat(network.output(x).shape()).containsExactly(5, 10);
    assertThat(network.feedForward(x, false).get(2).shape()).containsExactly(5, 72);
  }
}
