package dev.descent.api.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every PyTorch float64 optimizer trajectory in {@code ${descent.reference.dir}/optim}, replayed through the HTTP
 * playground endpoint (the engine's own optimizers, not a re-implementation): x after every step within the file's
 * tolerance relative to max(1, |x|) (1e-8 for L-BFGS, whose line search amplifies round-off), and for L-BFGS the
 * function evaluations of every step.
 */
class PlaygroundReferenceTests extends ApiTestBase {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final double LBFGS_TOLERANCE = 1e-8;

  @TestFactory
  Stream<DynamicTest> everyReferenceTrajectoryIsReproducedThroughTheEndpoint() throws IOException {
    Path folder = Path.of(System.getProperty("descent.reference.dir"), "optim");
    assertThat(folder).as("reference folder (system property descent.reference.dir)").isDirectory();
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
  }

  private void replay(Path file) throws IOException {
    JsonNode reference = JSON.readTree(file.toFile());
    JsonNode steps = reference.get("steps");
    Http.Response response = http().post("/api/v1/playground/trajectories", request(reference).toString());
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonNode points = response.json().get("points");
    assertThat(points).hasSize(steps.size());

    boolean lbfgs = reference.get("optimizer").get("name").asText().equals("LBFGS");
    double tolerance = lbfgs ? LBFGS_TOLERANCE : reference.get("tolerance").asDouble();
    for (int i = 0; i < steps.size(); i++) {
      JsonNode expected = steps.get(i);
      JsonNode actual = points.get(i);
      for (int k = 0; k < expected.get("x").size(); k++) {
        double want = expected.get("x").get(k).asDouble();
        double got = actual.get("x").get(k).asDouble();
        assertThat(Math.abs(got - want))
            .as("step %d, x[%d]", expected.get("t").asInt(), k)
            .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(want)));
      }
      if (lbfgs) {
        assertThat(actual.get("evaluations").asInt()).as("evaluations at step %d", i + 1)
            .isEqualTo(expected.get("evaluations").asInt());
      }
    }
  }

  private static ObjectNode request(JsonNode reference) {
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
    optimizer.put("type", reference.get("optimizer").get("name").asText().toLowerCase());
    reference.get("optimizer").get("hyperparameters").properties().forEach(h -> {
      if (!h.getValue().isNull()) {
        optimizer.set(h.getKey(), h.getValue());
      }
    });
    return request;
  }
}
