package dev.descent.engine.online.input;

/** A data row that does not parse; the message names its file and line number. */
public final class RowException extends IllegalArgumentException {
  private final long line;

  public RowException(String file, long line, String problem) {
    super(file + " line " + line + ": " + problem);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
