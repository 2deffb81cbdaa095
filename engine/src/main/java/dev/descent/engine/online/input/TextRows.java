package dev.descent.engine.online.input;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * The data rows of a text file, read lazily line by line (never the whole file at once), each with its 1-based line
 * number in the file. Blank lines and lines whose first non-blank character is {@code #} are skipped, and so is the
 * first remaining line when the file has a header. A name ending in {@code .gz} is read through gzip. Close it when
 * stopping early; it closes itself at the end.
 */
public final class TextRows implements Iterator<TextRows.Row>, Closeable {
  /** One data row: its text and its line number in the file. */
  public record Row(long line, String text) {}

  private final BufferedReader reader;
  private boolean headerPending;
  private long lineNumber;
  private Row next;
  private boolean closed;

  private TextRows(BufferedReader reader, boolean header) {
    this.reader = reader;
    this.headerPending = header;
  }

  /** Opens {@code file}; throws {@link UncheckedIOException} when it cannot be read (or is not valid gzip). */
  public static TextRows open(Path file, boolean header) {
    try {
      InputStream in = Files.newInputStream(file);
      try {
        InputStream data = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        return new TextRows(new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8), 1 << 16), header);
      } catch (IOException e) {
        in.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !closed) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  /** Line numbers read so far (the last row's, or further when skipped lines follow it). */
  public long linesRead() {
    return lineNumber;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Row advance() {
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (headerPending) {
          headerPending = false;
          continue;
        }
        return new Row(lineNumber, line);
      }
      close();
      return null;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot read line " + (lineNumber + 1) + ": " + e.getMessage(), e);
    }
  }
}
