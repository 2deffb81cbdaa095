package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.optim.schedule.ScheduleUnit;
import dev.descent.engine.validation.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code "task": "lr_range_test"}: defaults, the schedule it trains with, round trip, and every bad field. */
class LrRangeTestSpecTests {
  private static final String BODY = "\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2},"
      + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":8},{\"type\":\"output\"}]}";

  private static JobSpec parse(String extra) {
    return JobSpecs.parse("{\"task\":\"lr_range_test\"," + BODY + extra + "}", EngineLimits.DEFAULTS);
  }

  private static List<String> pointers(String extra) {
    return SpecPointers.of(() -> parse(extra));
  }


  @Test
  void fillsTheDefaultsAndSchedulesTheRate() {
    LrRangeTestSpec spec = (LrRangeTestSpec) parse("");
    assertThat(spec.minLr()).isEqualTo(1e-6);
    assertThat(spec.maxLr()).isEqualTo(1.0);
    assertThat(spec.steps()).isEqualTo(100);
    assertThat(spec.mode()).isEqualTo("exponential");
    assertThat(spec.smoothing()).isEqualTo(0.98);
    assertThat(spec.divergeFactor()).isEqualTo(4.0);
    assertThat(spec.training().scheduleSpec()).isNull();
    assertThat(spec.run().optimizer().get("lr").asDouble()).isEqualTo(1e-6);
    assertThat(spec.run().scheduleSpec()).isEqualTo(
        new ScheduleSpec.Exponential(Math.pow(1e6, 1.0 / 99), ScheduleUnit.ITERATION));
  }

  @Test
  void roundTripsThroughItsCanonicalJson() {
    JobSpec spec = parse(",\"optimizer\":{\"type\":\"sgd\",\"momentum\":0.9},"
        + "\"lrRangeTest\":{\"minLr\":1e-5,\"maxLr\":0.5,\"steps\":50,\"mode\":\"linear\"}");
    String json = JobSpecs.toJson(spec);
    assertThat(json).startsWith("{\"task\":\"lr_range_test\"").doesNotContain("epochs").doesNotContain("schedule");
    assertThat(JobSpecs.parse(json, EngineLimits.DEFAULTS)).isEqualTo(spec);
    assertThat(((LrRangeTestSpec) spec).run().scheduleSpec())
        .isEqualTo(new ScheduleSpec.Linear(49, 0.5, ScheduleUnit.ITERATION));
  }

  @Test
  void refusesBadFieldsAtTheirPointers() {
    assertThat(pointers(",\"lrRangeTest\":{\"minLr\":0}")).containsExactly("/lrRangeTest/minLr");
    assertThat(pointers(",\"lrRangeTest\":{\"minLr\":0.1,\"maxLr\":0.01}")).containsExactly("/lrRangeTest/maxLr");
    assertThat(pointers(",\"lrRangeTest\":{\"steps\":1}")).containsExactly("/lrRangeTest/steps");
    assertThat(pointers(",\"lrRangeTest\":{\"mode\":\"cubic\"}")).containsExactly("/lrRangeTest/mode");
    assertThat(pointers(",\"lrRangeTest\":{\"smoothing\":1}")).containsExactly("/lrRangeTest/smoothing");
    assertThat(pointers(",\"lrRangeTest\":{\"divergeFactor\":1}")).containsExactly("/lrRangeTest/divergeFactor");
    assertThat(pointers(",\"lrRangeTest\":{\"start\":1}")).containsExactly("/lrRangeTest/start");
    assertThat(pointers(",\"lrRangeTest\":[]")).containsExactly("/lrRangeTest");
  }

  @Test
  void refusesWhatTheTestDecidesItself() {
    assertThat(pointers(",\"epochs\":3")).containsExactly("/epochs");
    assertThat(pointers(",\"schedule\":{\"type\":\"step\",\"step_size\":2}")).containsExactly("/schedule");
    assertThat(pointers(",\"earlyStopping\":{}")).containsExactly("/earlyStopping");
    assertThat(pointers(",\"averaging\":[{\"type\":\"ema\"}]")).containsExactly("/averaging");
    assertThat(pointers(",\"pretraining\":{\"type\":\"greedy_supervised\"}")).containsExactly("/pretraining");
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\"}")).containsExactly("/optimizer/type");
    assertThat(pointers(",\"batchSize\":0")).containsExactly("/batchSize");
  }

  @Test
  void anUnknownTaskNamesAllThree() {
    assertThatThrownBy(() -> JobSpecs.parse("{\"task\":\"lr_finder\"}", EngineLimits.DEFAULTS))
        .isInstanceOf(SpecException.class).hasMessageContaining("lr_range_test");
  }
}
