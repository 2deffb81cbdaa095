package dev.descent.api.worker;

import dev.descent.api.job.RetentionPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.persistence.checkpoint.Retention;
import org.junit.jupiter.api.Test;

/** How a training spec's checkpoint policy becomes the writer's retention. */
class CheckpointRetentionPolicyTests {
  private static final String BASE = "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"output\"}]},"
      + "\"epochs\":3,\"checkpoint\":";

  private static Retention retention(String checkpoint) {
    return RetentionPolicy.of(SpecParser.parse(BASE + checkpoint + "}", EngineLimits.DEFAULTS));
  }

  @Test
  void autoModeMinimizesLossesAndMaximizesOtherMetrics() {
    assertThat(retention("{\"keepLast\":2,\"keepBest\":3}")).isEqualTo(new Retention(2, 3, "val_loss", false));
    assertThat(retention("{\"keepBest\":1,\"bestMetric\":\"val_accuracy\"}"))
        .isEqualTo(new Retention(3, 1, "val_accuracy", true));
  }

  @Test
  void explicitModeOverridesTheMetricName() {
    assertThat(retention("{\"keepBest\":1,\"bestMetric\":\"val_loss\",\"bestMode\":\"max\"}").higherIsBetter())
        .isTrue();
    assertThat(retention("{\"keepBest\":1,\"bestMetric\":\"val_acc\",\"bestMode\":\"min\"}").higherIsBetter())
        .isFalse();
  }
}
