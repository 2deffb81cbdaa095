package dev.descent.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One {@code norm/} or {@code layers/} file of the PyTorch float64 reference: nested number arrays as INDArrays. */
record ReferenceCase(String name, JsonNode json) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The files of the {@code layers/} folder whose {@code op} passes {@code ops}, by name: the folder under
   * {@code -Ddescent.reference.dir} if set, else the copy in this module's test resources.
   */
  static List<Path> layerFiles(Predicate<String> ops) throws IOException, URISyntaxException {
    String dir = System.getProperty("descent.reference.dir");
    Path folder = dir != null && !dir.isBlank() ? Path.of(dir, "layers")
        : Path.of(Objects.requireNonNull(ReferenceCase.class.getResource("/reference/layers"),
            "test resource reference/layers").toURI());
    assertThat(folder).as("reference folder").isDirectory();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(folder)) {
      for (Path file : listing.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        if (ops.test(read(file).json().path("op").asText())) {
          files.add(file);
        }
      }
    }
    return files;
  }

  static ReferenceCase read(Path file) throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    return new ReferenceCase(name, MAPPER.readTree(file.toFile()));
  }

  /** The array under {@code key}, in float64 with the file's shape. */
  INDArray array(String key) {
    JsonNode node = json.get(key);
    if (node == null) {
      throw new IllegalArgumentException(name + " has no key " + key);
    }
    List<Long> shape = new ArrayList<>();
    for (JsonNode level = node; level.isArray(); level = level.get(0)) {
      shape.add((long) level.size());
    }
    List<Double> values = new ArrayList<>();
    flatten(node, values);
    double[] flat = values.stream().mapToDouble(Double::doubleValue).toArray();
    return Nd4j.create(flat, shape.stream().mapToLong(Long::longValue).toArray(), 'c');
  }

  double number(String key) {
    return json.get(key).asDouble();
  }

  private static void flatten(JsonNode node, List<Double> out) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, out));
    } else {
      out.add(node.asDouble());
    }
  }
}
