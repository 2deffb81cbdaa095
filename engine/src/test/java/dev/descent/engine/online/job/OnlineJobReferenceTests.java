package dev.descent.engine.online.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.online.OnlineSnapshots;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.SparseVector;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.ProgressSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private static final double TOLERANCE = 1e-9;
  private static final Map<String, String> SPEC_NAMES =
      Map.of("tg", "tg", "fobos_l1", "fobos", "rda_l1", "rda", "ftrl_proximal", "ftrl");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyReferenceTrajectoryThroughTheJobPath() throws IOException {
    Path dir = Path.of(System.getProperty("descent.reference.dir", "")).resolve("online");
    assertTrue(Files.isDirectory(dir), "reference folder missing: " + dir);
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> reproduce(f)));
  }

  private static void reproduce(Path file) throws IOException {
    JsonNode ref = JSON.readTree(file.toFile());
    List<Example> examples = examples(ref.get("data"));
    ExampleStream stream = new ExampleStream(examples, examples.size(), examples.get(0).x().dimension());
    List<MetricPoint> metrics = new ArrayList<>();
    List<Checkpoint> checkpoints = new ArrayList<>();
    TrainingContext ctx =
        new TrainingContext(metrics::add, checkpoints::add, ProgressSink.NONE, CancellationToken.NEVER, null);
    TrainingOutcome outcome = new OnlineJobRunner().run(spec(ref), stream, ctx);

    assertEquals(TrainingOutcome.Status.SUCCEEDED, outcome.status());
    JsonNode steps = ref.get("steps");
    assertEquals(steps.size(), checkpoints.size());
    for (int s = 0; s < steps.size(); s++) {
      JsonNode step = steps.get(s);
      String where = file.getFileName() + " step " + step.get("t").asLong();
      double[] weights = OnlineSnapshots.decode(checkpoints.get(s).content()).weights();
      assertEquals(step.get("t").asLong(), checkpoints.get(s).step(), where);
      for (int i = 0; i < weights.length; i++) {
        assertClose(step.get("w").get(i).asDouble(), weights[i], where + " w[" + i + "]");
      }
      assertClose(step.get("progressive_loss").asDouble(), metric(metrics, "progressive_loss", s + 1), where);
      assertEquals(step.get("nonzeros").asDouble(), metric(metrics, "nonzeros", s + 1), where);
    }
  }

  private static OnlineJobSpec spec(JsonNode ref) {
    String algorithm = ref.get("algorithm").asText();
    assertTrue(SPEC_NAMES.containsKey(algorithm), "unknown reference algorithm " + algorithm);
    ObjectNode learner = ref.get("hyperparameters").deepCopy();
    learner.put("algorithm", SPEC_NAMES.get(algorithm));
    String json = "{\"task\":\"online\",\"stream\":{\"name\":\"breast_cancer\"},\"learner\":" + learner
        + ",\"reportEvery\":1,\"checkpoint\":{\"everySamples\":1}}";
    return (OnlineJobSpec) JobSpecs.parse(json, EngineLimits.DEFAULTS);
  }

  private static List<Example> examples(JsonNode data) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < data.get("x").size(); i++) {
      double[] x = JSON.convertValue(data.get("x").get(i), double[].class);
      out.add(new Example(SparseVector.ofDense(x), data.get("y").get(i).asDouble()));
    }
    return out;
  }

  private static double metric(List<MetricPoint> metrics, String name, long step) {
    return metrics.stream()
        .filter(p -> p.name().equals(name) && p.step() == step)
        .findFirst()
        .orElseThrow()
        .value();
  }

  private static void assertClose(double expected, double actual, String where) {
    assertEquals(expected, actual, TOLERANCE * Math.max(1.0, Math.abs(expected)), where);
  }
}
