package dev.descent.engine.model;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.learning.regularization.WeightDecay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.init.KaimingInit;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spec.Vocabulary;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

class NetworkFactoryTests {
  private static final TrainingSpec SPEC = SpecParser.parse("{\"seed\":9,\"dataset\":{\"name\":\"digits\"},"
      + "\"model\":{\"weightInit\":\"relu\",\"layers\":[{\"type\":\"dense\",\"units\":20,\"activation\":\"tanh\","
      + "\"dropout\":0.25},{\"type\":\"output\"}]},\"epochs\":1}", EngineLimits.DEFAULTS);

  @Test
  void everyVocabularyNameHasADl4jConstant() {
    assertThat(Dl4jNames.ACTIVATIONS.keySet()).isEqualTo(Vocabulary.ACTIVATIONS);
    assertThat(Dl4jNames.LOSSES.keySet()).isEqualTo(Vocabulary.LOSSES);
  }

  @Test
  void buildsTheLayersTheSpecDescribes() {
    MultiLayerNetwork network = NetworkFactory.build(SPEC, 10);
    assertThat(network.numParams()).isEqualTo(SpecParser.parameterCount(SPEC)).isEqualTo(64 * 20 + 20 + 20 * 10 + 10);
    assertThat(network.params().dataType()).isEqualTo(DataType.FLOAT);
    DenseLayer dense = (DenseLayer) network.getLayer(0).conf().getLayer();
    assertThat(dense.getActivationFn()).isInstanceOf(ActivationTanH.class);
    assertThat(dense.getWeightInitFn()).isInstanceOf(KaimingInit.class);
    assertThat(((Dropout) dense.getIDropout()).getP()).isEqualTo(0.75);
    OutputLayer output = (OutputLayer) network.getLayer(1).conf().getLayer();
    assertThat(output.getNOut()).isEqualTo(10);
    assertThat(output.getActivationFn()).isInstanceOf(ActivationSoftmax.class);
    assertThat(output.getLossFn()).isInstanceOf(LossMCXENT.class);
  }

  @Test
  void weightDecayOfTheOptimizerReachesEveryParameter() {
    TrainingSpec adamw = SpecParser.parse(SpecParser.toJson(SPEC).replaceFirst(
        "\"optimizer\":\\{[^}]*\\}", "\"optimizer\":{\"type\":\"adamw\",\"weight_decay\":0.1}"),
        EngineLimits.DEFAULTS);
    for (int i = 0; i < 2; i++) {
      BaseLayer layer = (BaseLayer) NetworkFactory.build(adamw, 10).getLayer(i).conf().getLayer();
      assertThat(layer.getRegularization()).as("weights of layer %d", i)
          .anySatisfy(r -> assertThat(r).isInstanceOf(WeightDecay.class));
      assertThat(layer.getRegularizationBias()).as("biases of layer %d", i)
          .anySatisfy(r -> assertThat(r).isInstanceOf(WeightDecay.class));
    }
    BaseLayer plain = (BaseLayer) NetworkFactory.build(SPEC, 10).getLayer(0).conf().getLayer();
    assertThat(plain.getRegularization()).isEmpty();
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    assertThat(NetworkFactory.build(SPEC, 10).params()).isEqualTo(NetworkFactory.build(SPEC, 10).params());
    TrainingSpec other = SpecParser.parse(SpecParser.toJson(SPEC).replace("\"seed\":9", "\"seed\":10"),
        EngineLimits.DEFAULTS);
    assertThat(NetworkFactory.build(other, 10).params()).isNotEqualTo(NetworkFactory.build(SPEC, 10).params());
  }
}
