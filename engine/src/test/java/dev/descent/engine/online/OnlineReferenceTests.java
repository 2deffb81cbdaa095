package dev.descent.engine.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.SparseVector;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.MetricPoint;
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
 * Every trajectory in {@code ${descent.reference.dir}/online}: weights and progressive loss within {@code 1e-9 ·
 * max(1, |ref|)} at every step, the non-zero count exactly.
 */
class OnlineReferenceTests {
  private static final double TOLERANCE = 1e-9;
  private static final Map<String, String> SPEC_NAMES =
      Map.of("tg", "tg", "fobos_l1", "fobos", "rda_l1", "rda", "ftrl_proximal", "ftrl");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyReferenceTrajectory() throws IOException {
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
    List<Example> stream = examples(ref.get("data"));
    OnlineModel model = OnlineSpecs.create(spec(ref), stream.get(0).x().dimension());
    List<WeightSnapshot> snapshots = new ArrayList<>();
    List<MetricPoint> metrics = new ArrayList<>();
    new OnlineTrainer(metrics::add, snapshots::add, CancellationToken.NEVER, Reporting.EVERY_STEP)
        .train(model, stream.iterator());
    JsonNode steps = ref.get("steps");
    assertEquals(steps.size(), snapshots.size());
    for (int s = 0; s < steps.size(); s++) {
      JsonNode step = steps.get(s);
      String where = file.getFileName() + " step " + step.get("t").asLong();
      assertEquals(step.get("t").asLong(), snapshots.get(s).step(), where);
      assertClose(step.get("w"), snapshots.get(s).weights(), where);
      assertClose(step.get("progressive_loss").asDouble(), metric(metrics, "progressive_loss", s + 1), where);
      assertEquals(step.get("nonzeros").asInt(), snapshots.get(s).nonzeros(), where);
      assertEquals(step.get("nonzeros").asDouble(), metric(metrics, "nonzeros", s + 1), where);
    }
  }

  private static ObjectNode spec(JsonNode ref) {
    String algorithm = ref.get("algorithm").asText();
    assertTrue(SPEC_NAMES.containsKey(algorithm), "unknown reference algorithm " + algorithm);
    assertThat(ref.get("loss").asText()).startsWith("logistic");
    assertThat(ref.get("w0")).allMatch(w -> w.asDouble() == 0.0);
    ObjectNode spec = ((ObjectNode) ref.get("hyperparameters").deepCopy());
    spec.put("algorithm", SPEC_NAMES.get(algorithm));
    return spec;
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

  private static void assertClose(JsonNode expected, double[] actual, String where) {
    assertEquals(expected.size(), actual.length, where);
    for (int i = 0; i < actual.length; i++) {
      assertClose(expected.get(i).asDouble(), actual[i], where + " w[" + i + "]");
    }
  }

  private static void assertClose(double expected, double actual, String where) {
    assertEquals(expected, actual, TOLERANCE * Math.max(1.0, Math.abs(expected)), where);
  }
}
