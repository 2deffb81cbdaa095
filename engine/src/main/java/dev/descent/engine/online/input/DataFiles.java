package dev.descent.engine.online.input;

import java.nio.file.Path;

/** Checks on a data file that do not read all of it. */
public final class DataFiles {
  private DataFiles() {}

  /**
   * Parses the first {@code rows} data rows of {@code file} into {@code space}; throws {@link RowException} (with
   * the line number) for the first that does not parse, or for a file without any data row.
   */
  public static void checkFirstRows(Path file, TextFormat format, FeatureSpace space, int rows) {
    String name = file.getFileName().toString();
    try (TextRows lines = TextRows.open(file, format.header())) {
      if (!lines.hasNext()) {
        throw new RowException(name, lines.linesRead(), "no data rows");
      }
      TextRows.Row first = lines.next();
      int columns = format.libsvm() ? 0 : columns(format, first, name);
      RowParser parser = format.parser(space, columns);
      parse(parser, first, name);
      for (int r = 1; r < rows && lines.hasNext(); r++) {
        parse(parser, lines.next(), name);
      }
    }
  }

  /** A CSV file's column count, from its first data row, which must have a label and a feature. */
  public static int columns(TextFormat format, TextRows.Row first, String name) {
    int columns = new CsvRowParser(FeatureSpace.identity(1), format.labelColumn(), format.delimiter())
        .features(first.text()) + 1;
    if (columns < 2) {
      throw new RowException(name, first.line(), "a CSV row needs a label and at least one feature column");
    }
    return columns;
  }

  /** The row's example; a row that does not parse is a {@link RowException} naming the file and line. */
  public static Example parse(RowParser parser, TextRows.Row row, String name) {
    try {
      return parser.parse(row.text());
    } catch (RowException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new RowException(name, row.line(), e.getMessage());
    }
  }
}
