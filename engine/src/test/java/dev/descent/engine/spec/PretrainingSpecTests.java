package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /pretraining}: defaults, round trip, and every bad field or combination at its pointer. */
class PretrainingSpecTests {
  private static final String HIDDEN = "{\"type\":\"dense\",\"units\":8,\"activation\":\"tanh\"}";
  private static final String GREEDY = ",\"pretraining\":{\"type\":\"greedy_supervised\"}";

  private static String body(String layers, String extra) {
    return "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[" + layers + "{\"type\":\"output\"}]}" + extra
        + "}";
  }

  private static TrainingSpec parse(String extra) {
    return SpecParser.parse(body(HIDDEN + "," + HIDDEN + ",", ",\"epochs\":3" + extra), EngineLimits.DEFAULTS);
  }

  private static List<String> pointers(String extra) {
    return SpecPointers.of(() -> parse(extra));
  }

  @Test
  void defaultsAndRoundTrip() {
    TrainingSpec spec = parse(GREEDY);
    assertThat(spec.pretraining()).isEqualTo(new PretrainingSpec("greedy_supervised", 5, false));
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
    assertThat(SpecParser.toJson(parse(""))).doesNotContain("pretraining");
    TrainingSpec frozen = parse(",\"pretraining\":{\"type\":\"greedy_supervised\",\"epochsPerLayer\":2,"
        + "\"freezeEarlier\":true}");
    assertThat(frozen.pretraining()).isEqualTo(new PretrainingSpec("greedy_supervised", 2, true));
  }

  @Test
  void refusesBadFieldsAtTheirPointers() {
    assertThat(pointers(",\"pretraining\":{}")).containsExactly("/pretraining/type");
    assertThat(pointers(",\"pretraining\":{\"type\":\"unsupervised\"}")).containsExactly("/pretraining/type");
    assertThat(pointers(",\"pretraining\":{\"type\":\"greedy_supervised\",\"epochsPerLayer\":0}"))
        .containsExactly("/pretraining/epochsPerLayer");
    assertThat(pointers(",\"pretraining\":{\"type\":\"greedy_supervised\",\"freezeEarlier\":\"yes\"}"))
        .containsExactly("/pretraining/freezeEarlier");
    assertThat(pointers(",\"pretraining\":{\"type\":\"greedy_supervised\",\"stages\":2}"))
        .containsExactly("/pretraining/stages");
    assertThat(pointers(",\"pretraining\":[]")).containsExactly("/pretraining");
    assertThat(pointers(",\"pretraining\":{\"type\":\"greedy_supervised\",\"epochsPerLayer\":6000}"))
        .containsExactly("/pretraining/epochsPerLayer");
  }

  @Test
  void refusesCombinationsAndModelsItCannotCut() {
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\"}" + GREEDY)).containsExactly("/pretraining");
    assertThat(SpecPointers.of(() -> SpecParser.parse(body(HIDDEN + ",", ",\"phases\":[{\"epochs\":2}]" + GREEDY),
        EngineLimits.DEFAULTS))).containsExactly("/pretraining");
    assertThat(SpecPointers.of(() -> SpecParser.parse(body("", ",\"epochs\":2" + GREEDY), EngineLimits.DEFAULTS)))
        .containsExactly("/pretraining");
    String conv = "{\"dataset\":{\"name\":\"digits\"},\"model\":{\"layers\":[{\"type\":\"conv2d\",\"filters\":2,"
        + "\"kernel\":3},{\"type\":\"flatten\"}," + HIDDEN + ",{\"type\":\"output\"}]},\"epochs\":2" + GREEDY + "}";
    assertThat(SpecPointers.of(() -> SpecParser.parse(conv, EngineLimits.DEFAULTS))).containsExactly("/pretraining");
    String normed = HIDDEN + ",{\"type\":\"batchnorm\"}," + HIDDEN + ",";
    assertThat(SpecParser.parse(body(normed, ",\"epochs\":2" + GREEDY), EngineLimits.DEFAULTS).pretraining())
        .isNotNull();
    assertThat(SpecPointers.of(() -> SpecParser.parse(body(normed, ",\"epochs\":2,\"pretraining\":{\"type\":"
        + "\"greedy_supervised\",\"freezeEarlier\":true}"), EngineLimits.DEFAULTS))).containsExactly("/pretraining");
  }
}
