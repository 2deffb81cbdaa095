package dev.descent.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.playground.Playground;
import dev.descent.engine.playground.TrajectoryPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every PyTorch float64 trajectory in {@code ${descent.reference.dir}/optim} (except L-BFGS, a full-batch method) is
 * reproduced through {@link Playground#run}: every step's x (and ASGD's average) within the file's tolerance relative
 * to max(1, |x|). A file whose hyperparameters we do not support fails with the violation. Any folder in the format
 * of {@code src/test/resources/reference/README.md} will do: problems are the playground's functions, read by name.
 */
class OptimizerReferenceTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path referenceDir() {
    String dir = System.getProperty("descent.reference.dir", "src/test/resources/reference");
    Path optim = Path.of(dir, "optim");
    assertThat(optim).as("reference folder (descent.reference.dir)").isDirectory();
    return optim;
  }

  @TestFactory
  Stream<DynamicTest> everyReferenceTrajectory() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(referenceDir())) {
      files = listing.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().contains("__lbfgs")).sorted().toList();
    }
    assertThat(files).as("optimizer trajectories in %s", referenceDir()).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    JsonNode reference = JSON.readTree(file.toFile());
    List<TrajectoryPoint> points = new Playground().run(request(reference)).points();
    JsonNode steps = reference.get("steps");
    double tolerance = reference.get("tolerance").asDouble();
    assertThat(points).hasSize(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      JsonNode expected = steps.get(i);
      assertThat(points.get(i).t()).isEqualTo(expected.get("t").asInt());
      assertClose("x at t=" + (i + 1), points.get(i).x(), expected.get("x"), tolerance);
      if (expected.has("ax")) {
        assertClose("ax at t=" + (i + 1), points.get(i).ax(), expected.get("ax"), tolerance);
      }
    }
  }

  /** The playground request equivalent to a reference file. */
  static JsonNode request(JsonNode reference) {
    ObjectNode request = JSON.createObjectNode();
    JsonNode problem = reference.get("problem");
    ObjectNode function = request.putObject("function").put("name", problem.get("name").asText());
    if (problem.has("A")) {
      function.set("A", problem.get("A"));
      function.set("b", problem.get("b"));
    }
    request.set("start", reference.get("x0"));
    request.put("steps", reference.get("steps").size());
    ObjectNode optimizer = request.putObject("optimizer");
    optimizer.put("type", reference.at("/optimizer/name").asText().toLowerCase(Locale.ROOT));
    optimizer.setAll((ObjectNode) reference.at("/optimizer/hyperparameters"));
    return request;
  }

  private static void assertClose(String what, double[] actual, JsonNode expected, double tolerance) {
    assertThat(actual).as(what).hasSize(expected.size());
    for (int j = 0; j < actual.length; j++) {
      double want = expected.get(j).asDouble();
      assertThat(Math.abs(actual[j] - want)).as("%s [%d]: %s vs %s", what, j, actual[j], want)
          .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(want)));
    }
  }
}
