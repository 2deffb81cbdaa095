package dev.descent.engine.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.SparseVector;
import dev.descent.engine.spi.MetricPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The PyTorch-independent float64 online trajectories of {@code ${descent.reference.dir}/online} (format in that
 * folder's README), read the same way by every test that replays them.
 */
public final class OnlineReferenceFiles {
  public static final double TOLERANCE = 1e-9;
  private static final Map<String, String> SPEC_NAMES =
      Map.of("tg", "tg", "fobos_l1", "fobos", "rda_l1", "rda", "ftrl_proximal", "ftrl");
  private static final ObjectMapper JSON = new ObjectMapper();

  private OnlineReferenceFiles() {}

  /** Every reference file; fails (never skips) when the folder is missing or empty. */
  public static List<Path> files() throws IOException {
    Path dir = Path.of(System.getProperty("descent.reference.dir", "")).resolve("online");
    assertTrue(Files.isDirectory(dir), "reference folder missing: " + dir);
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files;
  }

  /**
   * One dynamic test per reference trajectory, named by its file, running {@code reproduce} on the file and its
   * content.
   */
  public static Stream<DynamicTest> tests(BiConsumer<Path, JsonNode> reproduce) throws IOException {
    return files().stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> reproduce.accept(f, read(f))));
  }

  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's hyperparameters as a learner spec, {@code algorithm} named as {@code OnlineSpecs} names it. */
  public static ObjectNode learner(JsonNode ref) {
    String algorithm = ref.get("algorithm").asText();
    assertTrue(SPEC_NAMES.containsKey(algorithm), "unknown reference algorithm " + algorithm);
    ObjectNode learner = ref.get("hyperparameters").deepCopy();
    learner.put("algorithm", SPEC_NAMES.get(algorithm));
    return learner;
  }

  /** The file's samples, in order. */
  public static List<Example> examples(JsonNode ref) {
    JsonNode data = ref.get("data");
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < data.get("x").size(); i++) {
      double[] x = JSON.convertValue(data.get("x").get(i), double[].class);
      out.add(new Example(SparseVector.ofDense(x), data.get("y").get(i).asDouble()));
    }
    return out;
  }

  /** The value of metric {@code name} at {@code step}. */
  public static double metric(List<MetricPoint> metrics, String name, long step) {
    return metrics.stream()
        .filter(p -> p.name().equals(name) && p.step() == step)
        .findFirst()
        .orElseThrow()
        .value();
  }

  /**
   * Every step of {@code ref} against a replay's snapshots (one a step) and metrics: the step number and the non-zero
   * count exactly, the weights and {@code progressive_loss} within {@link #TOLERANCE}.
   */
  public static void assertTrajectory(Path file, JsonNode ref, List<WeightSnapshot> snapshots,
      List<MetricPoint> metrics) {
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

  public static void assertClose(JsonNode expected, double[] actual, String where) {
    assertEquals(expected.size(), actual.length, where);
    for (int i = 0; i < actual.length; i++) {
      assertClose(expected.get(i).asDouble(), actual[i], where + " w[" + i + "]");
    }
  }

  /** {@code |expected − actual| ≤ 1e-9 · max(1, |expected|)}. */
  public static void assertClose(double expected, double actual, String where) {
    assertEquals(expected, actual, TOLERANCE * Math.max(1.0, Math.abs(expected)), where);
  }
}
