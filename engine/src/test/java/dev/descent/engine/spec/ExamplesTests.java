package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every job spec in the repository's {@code examples/} folder parses under the default limits. An example that
 * streams a file of the data folder finds it in {@code examples/data/}, which ships the files such examples name
 * (a user uploads them first, see the README).
 */
class ExamplesTests {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path EXAMPLE_DATA = EXAMPLES.resolve("data").toAbsolutePath();

  @TestFactory
  Stream<DynamicTest> everyExampleParses() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(EXAMPLES)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("iris-mlp.json");
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String json = Files.readString(file);
      if (!json.replace(" ", "").contains("\"stream\":{\"name\":\"file\"")) {
        assertRoundTrip(json);
        return;
      }
      try (TemporaryDataFolder data = new TemporaryDataFolder(EXAMPLE_DATA)) {
        assertRoundTrip(json);
      }
    }));
  }

  private static void assertRoundTrip(String json) {
    JobSpec spec = JobSpecs.parse(json, EngineLimits.DEFAULTS);
    assertThat(JobSpecs.parse(JobSpecs.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
  }
}
