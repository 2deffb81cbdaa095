package dev.descent.api.security;

/** The caller is known but may not do this (an admin-only operation called with a tenant's key): 403. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
