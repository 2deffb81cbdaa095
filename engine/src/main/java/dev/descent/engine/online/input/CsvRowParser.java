package dev.descent.engine.online.input;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Parses dense CSV rows of numbers: the column {@code labelColumn} is the target (a negative value counts from the
 * end: −1 is the last column), the others in order are raw features {@code 0, 1, …}, mapped through a
 * {@link FeatureSpace} (zeros dropped). Cells are separated by one {@code delimiter} character and trimmed.
 */
public final class CsvRowParser implements RowParser {
  private final FeatureSpace space;
  private final int labelColumn;
  private final Pattern delimiter;

  /** Comma-separated, label in column {@code labelColumn}. */
  public CsvRowParser(FeatureSpace space, int labelColumn) {
    this(space, labelColumn, ',');
  }

  public CsvRowParser(FeatureSpace space, int labelColumn, char delimiter) {
    this.space = space;
    this.labelColumn = labelColumn;
    this.delimiter = Pattern.compile(Pattern.quote(String.valueOf(delimiter)));
  }

  @Override
  public Example parse(String line) {
    String[] cells = delimiter.split(line, -1);
    int label = labelColumn >= 0 ? labelColumn : cells.length + labelColumn;
    if (label < 0 || label >= cells.length) {
      throw new IllegalArgumentException("row has " + cells.length + " columns, label column is " + labelColumn);
    }
    long[] indices = new long[cells.length - 1];
    double[] values = new double[cells.length - 1];
    int n = 0;
    for (int c = 0; c < cells.length; c++) {
      if (c == label) {
        continue;
      }
      double value = LibSvmParser.number(cells[c].trim());
      if (value != 0.0) {
        indices[n] = c < label ? c : c - 1;
        values[n++] = value;
      }
    }
    return new Example(
        space.map(Arrays.copyOf(indices, n), Arrays.copyOf(values, n)), LibSvmParser.number(cells[label].trim()));
  }

  /** The number of features of a row, i.e. its cells but the label. */
  public int features(String line) {
    return delimiter.split(line, -1).length - 1;
  }
}
