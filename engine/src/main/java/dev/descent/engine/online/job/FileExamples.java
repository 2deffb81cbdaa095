package dev.descent.engine.online.job;

import dev.descent.engine.online.input.DataFiles;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.RowParser;
import dev.descent.engine.online.input.TextRows;
import java.io.Closeable;
import java.util.Iterator;

/**
 * The examples of a data file's rows, parsed one at a time as they are taken; a row that does not parse throws
 * {@link dev.descent.engine.online.input.RowException} with its line number.
 */
final class FileExamples implements Iterator<Example>, Closeable {
  private final TextRows rows;
  private final RowParser parser;
  private final String name;

  FileExamples(TextRows rows, RowParser parser, String name) {
    this.rows = rows;
    this.parser = parser;
    this.name = name;
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public Example next() {
    return DataFiles.parse(parser, rows.next(), name);
  }

  @Override
  public void close() {
    rows.close();
  }
}
