package dev.descent.engine.online.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.online.OnlineSnapshots;
import dev.descent.engine.online.WeightSnapshot;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.support.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineJobRunnerTests {
  private static final String FTRL = "{\"task\":\"online\",\"seed\":7,\"stream\":{\"name\":\"synthetic_sparse\","
      + "\"samples\":400,\"features\":200,\"nonzeros\":8,\"density\":0.05},"
      + "\"learner\":{\"algorithm\":\"ftrl\",\"alpha\":0.5,\"l1\":1.0},\"reportEvery\":25,"
      + "\"checkpoint\":{\"everySamples\":100,\"keepLast\":2}}";

  private static OnlineJobSpec spec(String json) {
    return (OnlineJobSpec) JobSpecs.parse(json, EngineLimits.DEFAULTS);
  }

  @Test
  void aJobThroughTheEngineReportsMetricsProgressAndPeriodicAndFinalCheckpoints() {
    RecordingContext ports = new RecordingContext();
    TrainingOutcome outcome = new TrainingEngine().run(spec(FTRL), ports.context(CancellationToken.NEVER, null));

    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.iterations()).isEqualTo(400);
    for (String name : List.of("progressive_loss", "progressive_loss_avg", "nonzeros", "nonzero_fraction", "lr")) {
      assertThat(ports.points(name)).extracting(MetricPoint::step).hasSize(16).startsWith(25L).endsWith(400L);
    }
    assertThat(ports.checkpoints).extracting(Checkpoint::kind)
        .containsExactly("periodic", "periodic", "periodic", "final");
    assertThat(ports.checkpoints).extracting(Checkpoint::step).containsExactly(100L, 200L, 300L, 400L);
    WeightSnapshot last = OnlineSnapshots.decode(ports.checkpoints.get(3).content());
    double nonzeros = ports.points("nonzeros").get(15).value();
    assertThat(last.nonzeros()).isEqualTo((int) nonzeros).isPositive().isLessThan(200);
    assertThat(last.progressiveLossAverage()).isEqualTo(outcome.finalMetrics().get("progressive_loss_avg"));
    assertThat(ports.progress.get(ports.progress.size() - 1).fraction()).isEqualTo(1.0);
  }

  @Test
  void resumingFromAPeriodicCheckpointEndsBitIdentically() {
    RecordingContext whole = new RecordingContext();
    new TrainingEngine().run(spec(FTRL), whole.context(CancellationToken.NEVER, null));
    RecordingContext resumed = new RecordingContext();
    byte[] at200 = whole.checkpoints.get(1).content();
    TrainingOutcome outcome = new TrainingEngine().run(spec(FTRL), resumed.context(CancellationToken.NEVER, at200));

    assertThat(outcome.iterations()).isEqualTo(400);
    assertThat(resumed.checkpoints).extracting(Checkpoint::step).containsExactly(300L, 400L);
    assertThat(resumed.checkpoints.get(1).content()).isEqualTo(whole.checkpoints.get(3).content());
    assertThat(resumed.points("progressive_loss_avg"))
        .isEqualTo(whole.points("progressive_loss_avg").stream().filter(p -> p.step() > 200).toList());
  }

  @Test
  void cancellationStopsWithinOneSampleWithoutAFinalCheckpoint() {
    RecordingContext ports = new RecordingContext();
    CancellationToken afterFifty = () -> ports.progress.size() > 50;
    TrainingOutcome outcome = new TrainingEngine().run(spec(FTRL), ports.context(afterFifty, null));

    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.CANCELLED);
    assertThat(outcome.iterations()).isEqualTo(51);
    assertThat(ports.checkpoints).isEmpty();
  }

  @Test
  void breastCancerIsStreamedInASeededOrderOverItsThirtyFeaturesOrHashed() {
    String json = "{\"task\":\"online\",\"stream\":{\"name\":\"breast_cancer\"},\"learner\":{\"algorithm\":\"ogd\"}}";
    ExampleStream plain = OnlineStreams.open(spec(json));
    ExampleStream again = OnlineStreams.open(spec(json));
    ExampleStream reseeded = OnlineStreams.open(spec(json.replace("{\"task\"", "{\"seed\":1,\"task\"")));
    ExampleStream hashed = OnlineStreams.open(spec(json.replace("\"learner\"", "\"hashing\":{\"dimension\":16},"
        + "\"learner\"")));

    assertThat(plain.size()).isEqualTo(569);
    assertThat(plain.dimension()).isEqualTo(30);
    assertThat(hashed.dimension()).isEqualTo(16);
    assertThat(labels(plain)).isEqualTo(labels(again)).isNotEqualTo(labels(reseeded)).containsOnly(0.0, 1.0);
    assertThat(labels(plain).stream().filter(y -> y == 1.0).count()).isEqualTo(357);
  }

  @Test
  void aCorruptCheckpointFailsTheJobAsAnError() {
    TrainingOutcome outcome = new TrainingEngine().run(spec(FTRL),
        new RecordingContext().context(CancellationToken.NEVER, new byte[] {1, 2, 3}));

    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.FAILED);
    assertThat(outcome.failureCode()).isEqualTo(TrainingEngine.ERROR);
  }

  private static List<Double> labels(ExampleStream stream) {
    List<Double> labels = new ArrayList<>();
    stream.examples().forEach(e -> labels.add(e.y()));
    return labels;
  }
}
