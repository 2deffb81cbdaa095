package dev.descent.engine.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.spec.DatasetSpec;
import dev.descent.engine.validation.FieldReader;

/**
 * A request's own {@code inputs} and {@code labels}: equally long arrays of equally wide rows of finite numbers. The
 * model then sees flat feature vectors; its shapes come from a stand-in dataset ({@code blobs} with as many classes as
 * a label row is wide, or {@code regression} for one-wide labels), so the output layer's defaults follow the labels.
 */
record InputRows(double[][] inputs, double[][] labels, DatasetSpec dataset) {

  /** Reads the two arrays; null (violations recorded) when either is missing or malformed. */
  static InputRows read(FieldReader reader, ObjectNode root, int maxRows) {
    double[][] inputs = matrix(reader, reader.field(root, "", "inputs", true), "/inputs", maxRows);
    double[][] labels = matrix(reader, reader.field(root, "", "labels", true), "/labels", maxRows);
    if (inputs == null || labels == null) {
      return null;
    }
    if (inputs.length != labels.length) {
      reader.add("/labels", "must have as many rows as inputs (" + inputs.length + "), got " + labels.length);
      return null;
    }
    int width = labels[0].length;
    DatasetSpec dataset = width == 1
        ? new DatasetSpec("regression", 0, false, inputs.length, inputs[0].length, null, 0.0)
        : new DatasetSpec("blobs", 0, false, inputs.length, inputs[0].length, width, 0.0);
    return new InputRows(inputs, labels, dataset);
  }

  private static double[][] matrix(FieldReader reader, JsonNode node, String at, int maxRows) {
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.isEmpty()) {
      reader.add(at, "must be a non-empty array of rows");
      return null;
    }
    if (node.size() > maxRows) {
      reader.add(at, "at most " + maxRows + " rows, got " + node.size());
      return null;
    }
    double[][] out = new double[node.size()][];
    for (int r = 0; r < node.size(); r++) {
      out[r] = row(reader, node.get(r), at + "/" + r, r == 0 ? -1 : out[0].length);
      if (out[r] == null) {
        return null;
      }
    }
    return out;
  }

  private static double[] row(FieldReader reader, JsonNode row, String at, int width) {
    if (!row.isArray() || row.isEmpty() || (width >= 0 && row.size() != width)) {
      reader.add(at, width < 0 ? "must be a non-empty array of numbers" : "must have " + width + " numbers");
      return null;
    }
    double[] out = new double[row.size()];
    for (int c = 0; c < row.size(); c++) {
      if (!row.get(c).isNumber() || !Double.isFinite(row.get(c).asDouble())) {
        reader.add(at + "/" + c, "must be a finite number");
        return null;
      }
      out[c] = row.get(c).asDouble();
    }
    return out;
  }
}
