package dev.descent.engine.online.input;

/**
 * How a data file's rows read: LibSVM ({@code label index:value …}, indices {@code indexBase}-based) or CSV (label in
 * {@code labelColumn}, negative counting from the end; cells split at {@code delimiter}); {@code header}: the first
 * data line is a header to skip.
 */
public record TextFormat(boolean libsvm, int indexBase, int labelColumn, boolean header, char delimiter) {

  public static TextFormat libsvm(int indexBase) {
    return new TextFormat(true, indexBase, 0, false, ' ');
  }

  public static TextFormat csv(int labelColumn, boolean header, char delimiter) {
    return new TextFormat(false, 1, labelColumn, header, delimiter);
  }

  /** The parser of rows into {@code space}; a CSV row must have {@code columns} cells (0: any number). */
  public RowParser parser(FeatureSpace space, int columns) {
    if (libsvm) {
      return new LibSvmParser(space, indexBase);
    }
    CsvRowParser csv = new CsvRowParser(space, labelColumn, delimiter);
    if (columns == 0) {
      return csv;
    }
    return line -> {
      int features = csv.features(line);
      if (features + 1 != columns) {
        throw new IllegalArgumentException("row has " + (features + 1) + " columns, the first row has " + columns);
      }
      return csv.parse(line);
    };
  }
}
