package dev.descent.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.layers.residual.ResidualBlockLayer;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.validation.SpecException;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/**
 * A layer's own {@code biasInit} overrides the model's for that layer only, inside a residual block too; the spec
 * keeps what was written.
 */
class LayerBiasInitTests {
  private static TrainingSpec spec(String modelBias, String convBias, String denseBias, String outputBias) {
    return SpecParser.parse("{\"seed\":3,\"dataset\":{\"name\":\"bars\"},\"model\":{" + modelBias + "\"layers\":["
        + "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3" + convBias + "},{\"type\":\"flatten\"},"
        + "{\"type\":\"dense\",\"units\":8,\"activation\":\"relu\"" + denseBias + "},"
        + "{\"type\":\"output\"" + outputBias + "}]},\"epochs\":1}", EngineLimits.DEFAULTS);
  }

  /** conv2d → residual[conv2d (own bias init or model's), batchnorm, conv2d (same)] → flatten → output. */
  private static TrainingSpec blockSpec(String firstBias, String secondBias) {
    String conv = "{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3,\"padding\":\"same\"";
    return SpecParser.parse("{\"seed\":3,\"dataset\":{\"name\":\"bars\"},\"model\":{"
        + "\"biasInit\":{\"type\":\"constant\",\"value\":-0.2},\"layers\":[" + conv + "},"
        + "{\"type\":\"residual\",\"layers\":["
        + conv + firstBias + "},{\"type\":\"batchnorm\"}," + conv + ",\"activation\":\"identity\"" + secondBias
        + "}]},{\"type\":\"flatten\"},{\"type\":\"output\"}]},\"epochs\":1}", EngineLimits.DEFAULTS);
  }

  private static MultiLayerNetwork build(TrainingSpec spec) {
    return NetworkFactory.build(spec, 1, TrainingData.prepare(spec.dataset(), spec.seed()).train());
  }

  private static float[] bias(MultiLayerNetwork network, int layer) {
    return network.getLayer(layer).getParam("b").toFloatVector();
  }

  private static float[] innerBias(MultiLayerNetwork network, int block, int inner) {
    return ((ResidualBlockLayer) network.getLayer(block)).innerLayers().get(inner).getParam("b").toFloatVector();
  }

  @Test
  void aLayerInsideAResidualBlockTakesItsOwnBiasInitOrElseTheModels() {
    MultiLayerNetwork network = build(blockSpec(",\"biasInit\":\"relu\"", ""));
    MultiLayerNetwork second = build(blockSpec("", ",\"biasInit\":{\"type\":\"constant\",\"value\":0.3}"));

    assertThat(bias(network, 0)).as("top-level conv2d: the model's").containsOnly((float) -0.2);
    assertThat(innerBias(network, 1, 0)).as("inner conv2d: relu 0.1").containsOnly((float) 0.1);
    assertThat(innerBias(network, 1, 2)).as("inner conv2d: the model's").containsOnly((float) -0.2);
    assertThat(bias(network, 2)).as("output: the model's").containsOnly((float) -0.2);
    assertThat(innerBias(second, 1, 0)).as("inner conv2d: the model's").containsOnly((float) -0.2);
    assertThat(innerBias(second, 1, 2)).as("inner conv2d: its own constant").containsOnly((float) 0.3);
  }

  @Test
  void anOutputPriorInsideAResidualBlockIsRefusedWithItsPointer() {
    try {
      blockSpec("", ",\"biasInit\":{\"type\":\"zero\",\"outputPrior\":true}");
      throw new AssertionError("accepted");
    } catch (SpecException e) {
      assertThat(e.violations()).extracting(v -> v.pointer())
          .containsExactly("/model/layers/1/layers/2/biasInit/outputPrior");
    }
  }

  @Test
  void theCanonicalSpecKeepsAnInnerLayersBiasInit() {
    TrainingSpec spec = blockSpec(",\"biasInit\":\"relu\"", "");

    assertThat(SpecParser.toJson(spec)).contains("\"biasInit\":\"relu\"");
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void eachLayerTakesItsOwnBiasInitOrElseTheModels() {
    MultiLayerNetwork network = build(spec("\"biasInit\":{\"type\":\"constant\",\"value\":-0.2},",
        ",\"biasInit\":\"relu\"", ",\"biasInit\":{\"type\":\"constant\",\"value\":0.3}", ""));

    assertThat(bias(network, 0)).as("conv2d: relu 0.1").containsOnly((float) 0.1);
    assertThat(bias(network, 1)).as("dense: its own constant").containsOnly((float) 0.3);
    assertThat(bias(network, 2)).as("output: the model's").containsOnly((float) -0.2);
  }

  @Test
  void theOutputLayersOwnInitDecidesOnTheLabelPrior() {
    MultiLayerNetwork prior = build(spec("", "", "", ",\"biasInit\":{\"type\":\"zero\",\"outputPrior\":true}"));
    MultiLayerNetwork overridden = build(spec("\"biasInit\":{\"type\":\"zero\",\"outputPrior\":true},", "", "",
        ",\"biasInit\":\"zero\""));

    double[] logPriors = prior.getLayer(2).getParam("b").toDoubleVector();
    assertThat(Arrays.stream(logPriors).map(Math::exp).sum()).isCloseTo(1.0, within(1e-6));
    assertThat(Arrays.stream(logPriors).boxed().toList())
        .allSatisfy(b -> assertThat(b).isCloseTo(Math.log(0.25), within(0.2)));
    assertThat(bias(prior, 0)).containsOnly(0f);
    assertThat(bias(overridden, 2)).containsOnly(0f);
  }

  @Test
  void theCanonicalSpecKeepsALayersBiasInitAndOmitsAnAbsentOne() {
    TrainingSpec spec = spec("", "", ",\"biasInit\":{\"type\":\"constant\",\"value\":0.3}", "");
    String json = SpecParser.toJson(spec);

    assertThat(json).contains("\"dropout\":0.0,\"biasInit\":{\"type\":\"constant\",\"value\":0.3}");
    assertThat(json.split("biasInit", -1)).as("the model's and the dense layer's").hasSize(3);
    assertThat(SpecParser.parse(json, EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void anOutputPriorOnAHiddenLayerOrABadSchemeIsRefusedWithItsPointer() {
    try {
      spec("", ",\"biasInit\":\"half\"", ",\"biasInit\":{\"type\":\"relu\",\"outputPrior\":true}", "");
      throw new AssertionError("accepted");
    } catch (SpecException e) {
      assertThat(e.violations()).extracting(v -> v.pointer()).containsExactlyInAnyOrder(
          "/model/layers/0/biasInit", "/model/layers/2/biasInit/outputPrior");
    }
  }
}
