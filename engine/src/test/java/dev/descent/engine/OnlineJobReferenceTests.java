package dev.descent.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.online.OnlineReferenceFiles;
import dev.descent.engine.online.OnlineSnapshots;
import dev.descent.engine.online.WeightSnapshot;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.job.ExampleStream;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.support.RecordingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every trajectory in {@code ${descent.reference.dir}/online}, run as an online job: the spec goes through
 * {@link JobSpecs#parse} with the reference's hyperparameters, a checkpoint is taken after every sample, and each
 * checkpoint's decoded weights and each step's {@code progressive_loss} must match within {@code 1e-9 · max(1, |ref|)},
 * the non-zero count exactly. Only the stream is swapped for the reference's own samples.
 */
class OnlineJobReferenceTests {
  @TestFactory
  Stream<DynamicTest> everyReferenceTrajectoryThroughTheJobPath() throws IOException {
    return OnlineReferenceFiles.tests(OnlineJobReferenceTests::reproduce);
  }

  private static void reproduce(Path file, JsonNode ref) {
    List<Example> examples = OnlineReferenceFiles.examples(ref);
    ExampleStream stream = new ExampleStream(examples, examples.size(), examples.get(0).x().dimension());
    RecordingContext rec = new RecordingContext();
    List<MetricPoint> metrics = rec.metrics;
    List<Checkpoint> checkpoints = rec.checkpoints;
    TrainingOutcome outcome = new OnlineJobRunner(DataFolder.fromEnvironment()).run(spec(ref), stream, rec.context());

    assertEquals(TrainingOutcome.Status.SUCCEEDED, outcome.status());
    List<WeightSnapshot> snapshots = checkpoints.stream().map(c -> OnlineSnapshots.decode(c.content())).toList();
    assertEquals(snapshots.stream().map(WeightSnapshot::step).toList(),
        checkpoints.stream().map(Checkpoint::step).toList(), "checkpoint steps");
    OnlineReferenceFiles.assertTrajectory(file, ref, snapshots, metrics);
  }

  private static OnlineJobSpec spec(JsonNode ref) {
    String json = "{\"task\":\"online\",\"stream\":{\"name\":\"breast_cancer\"},\"learner\":"
        + OnlineReferenceFiles.learner(ref) + ",\"reportEvery\":1,\"checkpoint\":{\"everySamples\":1}}";
    return (OnlineJobSpec) JobSpecs.parse(json, EngineLimits.DEFAULTS);
  }
}
