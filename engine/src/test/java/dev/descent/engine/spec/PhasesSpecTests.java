package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.optim.schedule.ScheduleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /phases}: defaults, the spec's own fields from the first phase, round trip, and every bad field. */
class PhasesSpecTests {
  private static final String BASE = "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"output\"}]}";
  private static final String TWO = ",\"phases\":[{\"epochs\":2,\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},"
      + "\"batchSize\":16},{\"epochs\":3,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05,\"momentum\":0.9},"
      + "\"schedule\":{\"type\":\"step\",\"step_size\":1,\"gamma\":0.5},\"batchSize\":64,\"keepState\":false}]";

  private static TrainingSpec parse(String extra) {
    return SpecParser.parse(BASE + extra + "}", EngineLimits.DEFAULTS);
  }

  private static List<String> pointers(String extra) {
    return SpecPointers.of(() -> parse(extra));
  }


  @Test
  void theSpecTakesItsOwnFieldsFromTheFirstPhaseAndTheEpochsFromAll() {
    TrainingSpec spec = parse(TWO);
    assertThat(spec.phases()).hasSize(2);
    assertThat(spec.epochs()).isEqualTo(5);
    assertThat(spec.batchSize()).isEqualTo(16);
    assertThat(spec.optimizer().get("type").asText()).isEqualTo("adam");
    assertThat(spec.phases().get(1).scheduleSpec()).isInstanceOf(ScheduleSpec.Step.class);
    assertThat(spec.phases().get(0).batchSize()).isEqualTo(16);
    assertThat(parse(",\"phases\":[{\"epochs\":1}]").phases().get(0).batchSize())
        .isEqualTo(SpecParser.DEFAULT_BATCH_SIZE);
    assertThat(parse(",\"epochs\":3").phases()).isEmpty();
  }

  @Test
  void roundTripsWithoutTheFieldsThePhasesReplace() {
    TrainingSpec spec = parse(TWO);
    String json = SpecParser.toJson(spec);
    assertThat(json).contains("\"phases\"").doesNotContain("\"epochs\":5").doesNotContain("\"batchSize\":16,\"c");
    assertThat(SpecParser.parse(json, EngineLimits.DEFAULTS)).isEqualTo(spec);
    assertThat(SpecParser.toJson(parse(",\"epochs\":3"))).doesNotContain("phases");
  }

  @Test
  void refusesTheTopLevelFieldsThePhasesReplace() {
    assertThat(pointers(",\"epochs\":3" + TWO)).containsExactly("/epochs");
    assertThat(pointers(",\"batchSize\":8,\"optimizer\":{\"type\":\"sgd\"}" + TWO))
        .containsExactlyInAnyOrder("/batchSize", "/optimizer");
    assertThat(pointers(",\"schedule\":{\"type\":\"step\",\"step_size\":2}" + TWO)).containsExactly("/schedule");
  }

  @Test
  void refusesBadPhasesAtTheirPointers() {
    assertThat(pointers(",\"phases\":[]")).containsExactly("/phases");
    assertThat(pointers(",\"phases\":{}")).containsExactly("/phases");
    assertThat(pointers(",\"phases\":[{}]")).containsExactly("/phases/0/epochs");
    assertThat(pointers(",\"phases\":[{\"epochs\":1},{\"epochs\":0}]")).containsExactly("/phases/1/epochs");
    assertThat(pointers(",\"phases\":[{\"epochs\":1},{\"epochs\":1,\"optimizer\":{\"type\":\"sgd\",\"lr\":-1}}]"))
        .containsExactly("/phases/1/optimizer/lr");
    assertThat(pointers(",\"phases\":[{\"epochs\":1,\"optimizer\":{\"type\":\"lbfgs\"}}]"))
        .containsExactly("/phases/0/optimizer/type");
    assertThat(pointers(",\"phases\":[{\"epochs\":1},{\"epochs\":1,\"schedule\":{\"type\":\"plateau\"}}]"))
        .containsExactly("/phases/1/schedule/type");
    assertThat(pointers(",\"phases\":[{\"epochs\":1,\"batchSize\":0}]")).containsExactly("/phases/0/batchSize");
    assertThat(pointers(",\"phases\":[{\"epochs\":1,\"keepState\":\"yes\"}]")).containsExactly("/phases/0/keepState");
    assertThat(pointers(",\"phases\":[{\"epochs\":1,\"lr\":0.1}]")).containsExactly("/phases/0/lr");
    assertThat(pointers(",\"phases\":[{\"epochs\":1,\"schedule\":{\"type\":\"step\"}}]"))
        .containsExactly("/phases/0/schedule/step_size");
  }
}
