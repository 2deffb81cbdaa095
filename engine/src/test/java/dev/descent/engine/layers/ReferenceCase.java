package dev.descent.engine.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One {@code norm/<case>.json} file of the PyTorch float64 reference: nested number arrays as INDArrays. */
record ReferenceCase(String name, JsonNode json) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

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
