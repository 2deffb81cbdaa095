package dev.descent.engine.spec;

import static dev.descent.engine.spec.IrisSpecs.parse;
import static dev.descent.engine.spec.IrisSpecs.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The best-K retention fields of {@code checkpoint}: keepBest, bestMetric, bestMode. */
class BestCheckpointSpecTests {
  @Test
  void bestKIsOffByDefaultAndRanksByValLossAutomatically() {
    CheckpointPolicy policy = parse("").checkpoint();
    assertThat(policy.keepBest()).isZero();
    assertThat(policy.bestMetric()).isEqualTo("val_loss");
    assertThat(policy.bestMode()).isEqualTo("auto");
  }

  @Test
  void bestKFieldsAreReadAndRoundTrip() {
    TrainingSpec spec = parse(",\"checkpoint\":{\"keepLast\":2,\"keepBest\":3,\"bestMetric\":\"val_acc\","
        + "\"bestMode\":\"max\"}");
    assertThat(spec.checkpoint()).isEqualTo(new CheckpointPolicy(0, 2, 0, 3, "val_acc", "max"));
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void invalidBestKFieldsAreReportedAtTheirPointers() {
    assertThat(pointers(",\"checkpoint\":{\"keepBest\":-1,\"bestMode\":\"best\",\"bestMetric\":4}"))
        .containsExactlyInAnyOrder("/checkpoint/keepBest", "/checkpoint/bestMode", "/checkpoint/bestMetric");
  }
}
