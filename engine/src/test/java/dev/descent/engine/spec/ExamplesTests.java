package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every job spec in the repository's {@code examples/} folder parses under the default limits. */
class ExamplesTests {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TestFactory
  Stream<DynamicTest> everyExampleParses() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(EXAMPLES)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("iris-mlp.json");
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      JobSpec spec = JobSpecs.parse(Files.readString(file), EngineLimits.DEFAULTS);
      assertThat(JobSpecs.parse(JobSpecs.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
    }));
  }
}
