package dev.descent.api.dataset;

/** A file or folder name an upload may not use; answered with 400 naming the path parameter. */
public final class InvalidFileNameException extends RuntimeException {
  private final String parameter;

  InvalidFileNameException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
