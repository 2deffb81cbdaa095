package dev.descent.engine.spec;

import static dev.descent.engine.spec.IrisSpecs.parse;
import static dev.descent.engine.spec.IrisSpecs.pointers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.validation.SpecException;
import org.junit.jupiter.api.Test;

/** The spec fields the training loop added: full-batch optimizers, everyIterations, averaging. */
class LoopFieldsSpecTests {
  @Test
  void fullBatchOptimizerIsStoredWithItsDefaultsAndRoundTrips() {
    TrainingSpec spec = parse(",\"optimizer\":{\"type\":\"cg\",\"max_iter\":5}");
    assertThat(spec.optimizer().get("beta_type").asText()).isEqualTo("polak_ribiere");
    assertThat(spec.optimizer().get("line_search_fn").asText()).isEqualTo("strong_wolfe");
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
    assertThat(OptimizerKinds.isFullBatch(spec.optimizer())).isTrue();
  }

  @Test
  void fullBatchViolationsAreReportedAtTheirPointers() {
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\",\"history_size\":0}"))
        .containsExactly("/optimizer/history_size");
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\"},\"schedule\":{\"type\":\"step\",\"step_size\":2}"))
        .containsExactly("/schedule");
  }

  @Test
  void checkpointEveryIterationsDefaultsToOff() {
    assertThat(parse("").checkpoint().everyIterations()).isZero();
    assertThat(parse(",\"checkpoint\":{\"everyIterations\":7}").checkpoint())
        .isEqualTo(new CheckpointPolicy(0, 3, 7));
    assertThat(pointers(",\"checkpoint\":{\"everyIterations\":-1}")).containsExactly("/checkpoint/everyIterations");
  }

  @Test
  void averagingIsReadWithDefaultsAndRoundTrips() {
    TrainingSpec spec = parse(",\"averaging\":[{\"type\":\"arithmetic\",\"start\":100},{\"type\":\"ema\"}]");
    assertThat(spec.averaging()).containsExactly(new AveragingSpec("arithmetic", 100, 0),
        new AveragingSpec("ema", 0, AveragingSpec.DEFAULT_DECAY));
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
    assertThat(parse("").averaging()).isEmpty();
  }

  @Test
  void badAveragesAreRefused() {
    assertThat(pointers(",\"averaging\":[{\"type\":\"median\"},{\"type\":\"ema\",\"decay\":1.5},"
        + "{\"type\":\"arithmetic\",\"decay\":0.9},{\"type\":\"ema\",\"warmup\":1}]"))
        .containsExactly("/averaging/0/type", "/averaging/1/decay", "/averaging/2/decay", "/averaging/3/warmup");
    assertThatThrownBy(() -> parse(",\"averaging\":{}")).isInstanceOf(SpecException.class);
  }
}
