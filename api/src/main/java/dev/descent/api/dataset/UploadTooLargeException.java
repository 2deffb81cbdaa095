package dev.descent.api.dataset;

/** An upload over {@code descent.datasets.max-upload-size}; answered with 413, nothing kept. */
public final class UploadTooLargeException extends RuntimeException {
  public UploadTooLargeException(long limit) {
    super("the file is larger than the server accepts (" + limit + " bytes, descent.datasets.max-upload-size)");
  }
}
