package dev.descent.engine.online.input;

import java.util.Arrays;

/**
 * Parses dense CSV rows of numbers: the column {@code labelColumn} is the target, the others in order are raw
 * features {@code 0, 1, …}, mapped through a {@link FeatureSpace} (zeros dropped).
 */
public final class CsvRowParser {
  private final FeatureSpace space;
  private final int labelColumn;

  public CsvRowParser(FeatureSpace space, int labelColumn) {
    if (labelColumn < 0) {
      throw new IllegalArgumentException("labelColumn must be >= 0");
    }
    this.space = space;
    this.labelColumn = labelColumn;
  }

  public Example parse(String line) {
    String[] cells = line.split(",", -1);
    if (labelColumn >= cells.length) {
      throw new IllegalArgumentException("row has " + cells.length + " columns, label column is " + labelColumn);
    }
    long[] indices = new long[cells.length - 1];
    double[] values = new double[cells.length - 1];
    int n = 0;
    for (int c = 0; c < cells.length; c++) {
      if (c == labelColumn) {
        continue;
      }
      double value = LibSvmParser.number(cells[c].trim());
      if (value != 0.0) {
        indices[n] = c < labelColumn ? c : c - 1;
        values[n++] = value;
      }
    }
    return new Example(
        space.map(Arrays.copyOf(indices, n), Arrays.copyOf(values, n)),
        LibSvmParser.number(cells[labelColumn].trim()));
  }
}
