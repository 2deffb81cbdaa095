package dev.descent.api.web;

/** A request body over the accepted size; answered with 413. */
class PayloadTooLargeException extends RuntimeException {
  PayloadTooLargeException(int limit) {
    super("the request body is larger than " + limit + " bytes");
  }
}
