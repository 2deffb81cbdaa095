package dev.descent.api.dataset;

/** An upload that would replace a different file (or a folder) without {@code overwrite}; answered with 409. */
public final class FileConflictException extends RuntimeException {
  FileConflictException(String message) {
    super(message);
  }
}
