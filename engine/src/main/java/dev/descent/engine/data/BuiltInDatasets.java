package dev.descent.engine.data;

import dev.descent.engine.spec.DatasetKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The vendored small datasets under {@code /datasets/} on the classpath (see the README there for attribution):
 * Iris, Wine, Breast Cancer (header line, class last), Digits (gzipped, class last), Diabetes (regression, space
 * separated, features and targets in two files).
 */
final class BuiltInDatasets {
  private static final String ROOT = "/datasets/";

  private BuiltInDatasets() {}

  static Samples load(DatasetKind kind) {
    return switch (kind) {
      case IRIS -> classification("iris.csv", true, kind.defaultClasses());
      case WINE -> classification("wine_data.csv", true, kind.defaultClasses());
      case BREAST_CANCER -> classification("breast_cancer.csv", true, kind.defaultClasses());
      case DIGITS -> classification("digits.csv.gz", false, kind.defaultClasses());
      case DIABETES -> diabetes();
      default -> throw new IllegalArgumentException(kind + " is not a built-in dataset");
    };
  }

  private static Samples classification(String file, boolean header, int classes) {
    List<String> lines = lines(file);
    List<String> rows = header ? lines.subList(1, lines.size()) : lines;
    float[][] x = new float[rows.size()][];
    int[] y = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      float[] values = parse(rows.get(i), ",");
      x[i] = Arrays.copyOf(values, values.length - 1);
      y[i] = (int) values[values.length - 1];
    }
    return Samples.classification(x, y, classes);
  }

  private static Samples diabetes() {
    List<String> features = lines("diabetes_data_raw.csv.gz");
    List<String> targets = lines("diabetes_target.csv.gz");
    float[][] x = new float[features.size()][];
    float[] t = new float[features.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = parse(features.get(i), " ");
      t[i] = Float.parseFloat(targets.get(i).trim());
    }
    return Samples.regression(x, t);
  }

  private static float[] parse(String line, String separator) {
    String[] cells = line.trim().split(separator);
    float[] out = new float[cells.length];
    for (int i = 0; i < cells.length; i++) {
      out[i] = Float.parseFloat(cells[i]);
    }
    return out;
  }

  private static List<String> lines(String file) {
    try (InputStream raw = BuiltInDatasets.class.getResourceAsStream(ROOT + file)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + ROOT + file);
      }
      InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader.lines().filter(l -> !l.isBlank()).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ROOT + file, e);
    }
  }
}
