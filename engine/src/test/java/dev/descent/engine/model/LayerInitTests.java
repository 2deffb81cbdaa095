package dev.descent.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.init.KaimingInit;
import dev.descent.engine.init.OrthogonalInit;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Per-layer and model-wide weight and bias inits from the spec reach the built network. */
class LayerInitTests {
  private static TrainingSpec spec(String model) {
    return SpecParser.parse("{\"seed\":4,\"dataset\":{\"name\":\"digits\"},\"model\":" + model + ",\"epochs\":1}",
        EngineLimits.DEFAULTS);
  }

  /** A spec, its prepared data and the network built on that data (for the data-dependent inits). */
  private record Built(TrainingSpec spec, TrainingData data, MultiLayerNetwork network) {}

  private static Built buildWithData(String model) {
    TrainingSpec spec = spec(model);
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    return new Built(spec, data, NetworkFactory.build(spec, 1, data.train()));
  }

  @Test
  void sparseInitGivesExactlyKNonZerosPerUnit() {
    TrainingSpec spec = spec("{\"layers\":[{\"type\":\"dense\",\"units\":10,\"weightInit\":{\"type\":\"sparse\","
        + "\"k\":5}},{\"type\":\"output\"}]}");
    INDArray weights = NetworkFactory.build(spec, 1).getLayer(0).getParam("W");
    for (int unit = 0; unit < 10; unit++) {
      assertThat(weights.getColumn(unit).neq(0).castTo(weights.dataType()).sumNumber().intValue()).isEqualTo(5);
    }
  }

  @Test
  void layerInitsOverrideTheModelDefault() {
    TrainingSpec spec = spec("{\"weightInit\":{\"type\":\"kaiming_normal\",\"mode\":\"fan_out\"},\"layers\":["
        + "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3},{\"type\":\"output\",\"weightInit\":{\"type\":"
        + "\"orthogonal\",\"gain\":1.4}}]}");
    MultiLayerNetwork network = NetworkFactory.build(spec, 1);
    assertThat(((BaseLayer) network.getLayer(0).conf().getLayer()).getWeightInitFn()).isInstanceOf(KaimingInit.class);
    assertThat(((BaseLayer) network.getLayer(1).conf().getLayer()).getWeightInitFn())
        .isInstanceOf(OrthogonalInit.class);
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void outputPriorSetsTheOutputBiasFromLabelMarginals() {
    Built built = buildWithData("{\"biasInit\":{\"type\":\"zero\",\"outputPrior\":true},\"layers\":["
        + "{\"type\":\"dense\",\"units\":8},{\"type\":\"output\"}]}");
    INDArray prior = Transforms.softmax(built.network().getOutputLayer().getParam("b").castTo(DataType.DOUBLE));
    INDArray marginals = built.data().train().toDataSet().getLabels().castTo(prior.dataType()).mean(0)
        .reshape(prior.shape());
    assertThat(prior.sub(marginals).amaxNumber().doubleValue()).isLessThan(1e-6);
  }

  @Test
  void lsuvGivesTheFirstLayerUnitVariance() {
    Built built = buildWithData("{\"weightInit\":\"lsuv\",\"layers\":[{\"type\":\"dense\",\"units\":16},"
        + "{\"type\":\"output\"}]}");
    INDArray batch = built.data().train().sample(DataDependentInit.LSUV_BATCH, built.spec().seed()).toDataSet()
        .getFeatures();
    INDArray preActivation = batch.mmul(built.network().getLayer(0).getParam("W")).addRowVector(built.network()
        .getLayer(0).getParam("b"));
    assertThat(preActivation.varNumber().doubleValue()).isCloseTo(1.0, offset(0.1));
  }

  @Test
  void badInitsAreNamedByPointer() {
    SpecException e = catchThrowableOfType(() -> spec("{\"biasInit\":\"ones\",\"layers\":[{\"type\":\"dense\","
        + "\"units\":4,\"weightInit\":{\"type\":\"sparse\",\"k\":-1}},{\"type\":\"output\",\"weightInit\":\"he\"}]}"),
        SpecException.class);
    assertThat(e.violations()).extracting(Violation::pointer)
        .contains("/model/biasInit", "/model/layers/0/weightInit/k", "/model/layers/1/weightInit");
  }
}
