package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.LrRangeTestSpec;
import dev.descent.engine.support.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The range test's rate follows its schedule exactly (first η_min, last η_max, growing every update), it stops once
 * the smoothed loss passes the limit, its suggestion lies inside the tested range, and a second run (what a resumed
 * attempt does) gives the same curve bit for bit.
 */
class LrRangeTestTests {
  private final TrainingEngine engine = new TrainingEngine();

  static LrRangeTestSpec spec(String optimizer, String range) {
    return (LrRangeTestSpec) JobSpecs.parse("{\"task\":\"lr_range_test\","
        + "\"dataset\":{\"name\":\"iris\",\"validationSplit\":0.2,\"standardize\":true},"
        + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":16,\"activation\":\"tanh\"},"
        + "{\"type\":\"output\",\"activation\":\"softmax\",\"loss\":\"mcxent\"}]},"
        + "\"optimizer\":" + optimizer + ",\"batchSize\":16,\"lrRangeTest\":" + range + "}", EngineLimits.DEFAULTS);
  }

  @Test
  void theRateGrowsExponentiallyFromMinToMax() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec("{\"type\":\"sgd\"}",
        "{\"minLr\":1e-4,\"maxLr\":0.01,\"steps\":30,\"divergeFactor\":1e6}"), rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.stopReason()).isNull();
    List<Double> lrs = rec.values("lr");
    assertThat(lrs).hasSize(30);
    assertThat(lrs.get(0)).isEqualTo(1e-4);
    assertThat(lrs.get(29)).isCloseTo(0.01, within(1e-12));
    for (int t = 1; t < lrs.size(); t++) {
      assertThat(lrs.get(t)).isGreaterThan(lrs.get(t - 1));
      assertThat(lrs.get(t) / lrs.get(t - 1)).isCloseTo(Math.pow(100, 1.0 / 29), within(1e-9));
    }
    assertThat(rec.values("smoothed_loss")).hasSize(30);
    assertThat(rec.values("range_test_steps")).containsExactly(30.0);
  }

  @Test
  void linearModeStepsEvenly() {
    RecordingContext rec = new RecordingContext();
    engine.run(spec("{\"type\":\"sgd\"}",
        "{\"minLr\":0.001,\"maxLr\":0.01,\"steps\":10,\"mode\":\"linear\",\"divergeFactor\":1e6}"), rec.context());
    List<Double> lrs = rec.values("lr");
    for (int t = 0; t < 10; t++) {
      assertThat(lrs.get(t)).isCloseTo(0.001 + 0.001 * t, within(1e-12));
    }
  }

  @Test
  void stopsOnceTheSmoothedLossPassesTheLimitAndSuggestsARateInTheRange() {
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec("{\"type\":\"sgd\"}",
        "{\"minLr\":1e-5,\"maxLr\":1e4,\"steps\":200}"), rec.context());
    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.stopReason()).isEqualTo(TrainingOutcome.RANGE_TEST_DIVERGED);
    List<Double> smoothed = rec.values("smoothed_loss");
    assertThat(smoothed.size()).isLessThan(200);
    double last = smoothed.get(smoothed.size() - 1);
    double min = smoothed.subList(0, smoothed.size() - 1).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertThat(!Double.isFinite(last) || last > 4 * min).isTrue();
    List<Double> lrs = rec.values("lr");
    double suggested = outcome.finalMetrics().get("suggested_lr");
    assertThat(suggested).isBetween(lrs.get(0), lrs.get(lrs.size() - 1));
    assertThat(outcome.finalMetrics().get("suggested_lr_min10")).isBetween(1e-5, outcome.finalMetrics()
        .get("min_loss_lr"));
    assertThat(rec.values("suggested_lr")).containsExactly(suggested);
  }

  @Test
  void aSecondRunGivesTheSameCurve() {
    LrRangeTestSpec spec = spec("{\"type\":\"adam\"}", "{\"minLr\":1e-5,\"maxLr\":1,\"steps\":40}");
    RecordingContext first = new RecordingContext();
    RecordingContext second = new RecordingContext();
    engine.run(spec, first.context());
    engine.run(spec, second.context());
    assertThat(second.values("smoothed_loss")).isEqualTo(first.values("smoothed_loss"));
    assertThat(second.values("lr")).isEqualTo(first.values("lr"));
  }
}
