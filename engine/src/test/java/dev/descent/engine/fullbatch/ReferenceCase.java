package dev.descent.engine.fullbatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.fullbatch.core.Objective;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One optimizer-trajectory file of {@code ${descent.reference.dir}/optim}. */
record ReferenceCase(String name, JsonNode json) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<ReferenceCase> matching(String fragment) {
    String dir = System.getProperty("descent.reference.dir");
    if (dir == null) {
      throw new IllegalStateException("system property descent.reference.dir is not set");
    }
    Path optim = Path.of(dir, "optim");
    if (!Files.isDirectory(optim)) {
      throw new IllegalStateException("reference folder missing: " + optim);
    }
    try (Stream<Path> files = Files.list(optim)) {
      return files.filter(p -> p.getFileName().toString().contains(fragment)).sorted().map(ReferenceCase::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ReferenceCase read(Path path) {
    try {
      return new ReferenceCase(path.getFileName().toString(), MAPPER.readTree(path.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Objective objective() {
    JsonNode problem = json.get("problem");
    return switch (problem.get("name").asText()) {
      case "rosenbrock" -> TestFunctions.rosenbrock();
      case "quadratic" -> TestFunctions.quadratic(MAPPER.convertValue(problem.get("A"), double[][].class),
          vector(problem.get("b")));
      case "saddle" -> TestFunctions.saddle();
      default -> throw new IllegalArgumentException("unknown problem in " + name);
    };
  }

  static double[] vector(JsonNode node) {
    return MAPPER.convertValue(node, double[].class);
  }
}
