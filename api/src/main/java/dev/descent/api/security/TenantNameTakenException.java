package dev.descent.api.security;

/** A tenant of that name exists already: answered 409. */
public class TenantNameTakenException extends RuntimeException {
  TenantNameTakenException(String message, Throwable cause) {
    super(message, cause);
  }
}
