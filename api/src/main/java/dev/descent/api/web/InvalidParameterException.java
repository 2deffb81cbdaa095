package dev.descent.api.web;

/** A query or path parameter out of its documented range; answered with 400 naming the parameter. */
class InvalidParameterException extends RuntimeException {
  private final String parameter;

  InvalidParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
