package dev.descent.api.job;

/** A prediction request with more rows than {@code descent.predictions.max-rows} (a 413 problem). */
public class TooManyRowsException extends RuntimeException {
  public TooManyRowsException(String pointer, int rows, int limit) {
    super(pointer + ": " + rows + " rows; at most " + limit + " are scored in one request");
  }
}
