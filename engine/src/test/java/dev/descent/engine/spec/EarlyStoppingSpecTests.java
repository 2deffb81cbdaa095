package dev.descent.engine.spec;

import static dev.descent.engine.spec.IrisSpecs.parse;
import static dev.descent.engine.spec.IrisSpecs.pointers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import org.junit.jupiter.api.Test;

/** {@code /earlyStopping}: defaults, round trip, and a problem naming each bad field. */
class EarlyStoppingSpecTests {
  @Test
  void isOffByDefaultAndAbsentFromTheCanonicalJson() {
    assertThat(parse("").earlyStopping()).isNull();
    assertThat(SpecParser.toJson(parse(""))).doesNotContain("earlyStopping");
  }

  @Test
  void isReadWithDefaultsAndRoundTrips() {
    TrainingSpec spec = parse(",\"earlyStopping\":{}");
    assertThat(spec.earlyStopping()).isEqualTo(new EarlyStoppingSpec("val_loss", "min", 5, 0.0, false));
    TrainingSpec full = parse(",\"averaging\":[{\"type\":\"ema\"}],\"earlyStopping\":{\"metric\":"
        + "\"val_accuracy@polyak-ema\",\"mode\":\"max\",\"patience\":2,\"minDelta\":0.01,\"restoreBest\":true}");
    assertThat(full.earlyStopping())
        .isEqualTo(new EarlyStoppingSpec("val_accuracy@polyak-ema", "max", 2, 0.01, true));
    assertThat(SpecParser.parse(SpecParser.toJson(full), EngineLimits.DEFAULTS)).isEqualTo(full);
  }

  @Test
  void badFieldsAreRefusedAtTheirPointers() {
    assertThat(pointers(",\"earlyStopping\":{\"patience\":0}")).containsExactly("/earlyStopping/patience");
    assertThat(pointers(",\"earlyStopping\":{\"mode\":\"lowest\"}")).containsExactly("/earlyStopping/mode");
    assertThat(pointers(",\"earlyStopping\":{\"minDelta\":-0.1}")).containsExactly("/earlyStopping/minDelta");
    assertThat(pointers(",\"earlyStopping\":{\"restoreBest\":1}")).containsExactly("/earlyStopping/restoreBest");
    assertThat(pointers(",\"earlyStopping\":{\"wait\":3}")).containsExactly("/earlyStopping/wait");
    assertThat(pointers(",\"earlyStopping\":3")).containsExactly("/earlyStopping");
  }

  @Test
  void theMetricMustBeOneTheJobReports() {
    assertThat(pointers(",\"earlyStopping\":{\"metric\":\"val_los\"}")).containsExactly("/earlyStopping/metric");
    assertThat(pointers(",\"earlyStopping\":{\"metric\":\"val_loss@polyak-ema\"}"))
        .containsExactly("/earlyStopping/metric");
    assertThat(pointers(",\"averaging\":[{\"type\":\"ema\"}],"
        + "\"earlyStopping\":{\"metric\":\"train_loss@polyak-ema\"}"))
        .containsExactly("/earlyStopping/metric");
    assertThatThrownBy(() -> SpecParser.parse("{\"dataset\":{\"name\":\"iris\",\"validationSplit\":0},"
        + "\"model\":{\"layers\":[{\"type\":\"output\"}]},\"epochs\":3,\"earlyStopping\":{}}", EngineLimits.DEFAULTS))
        .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.violations())
            .extracting(Violation::pointer).containsExactly("/earlyStopping/metric"));
    assertThat(pointers(",\"earlyStopping\":{\"metric\":\"train_loss\"}")).isEmpty();
  }

  @Test
  void fullBatchOptimizersTakeItWithoutAveragedMetrics() {
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\"},\"earlyStopping\":{}")).isEmpty();
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\"},\"averaging\":[{\"type\":\"ema\"}],"
        + "\"earlyStopping\":{\"metric\":\"val_loss@polyak-ema\"}")).containsExactly("/earlyStopping/metric");
  }
}
