package dev.descent.engine.fullbatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.fullbatch.core.Objective;
import dev.descent.engine.playground.FullBatchMethods;
import dev.descent.engine.playground.TestFunctions;
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

  /** The file's problem, read by name from the playground's functions on as many coordinates as {@code x0} has. */
  Objective objective() {
    return FullBatchMethods.objective(TestFunctions.named(json.get("problem"), json.get("x0").size()));
  }

  static double[] vector(JsonNode node) {
    return MAPPER.convertValue(node, double[].class);
  }
}
