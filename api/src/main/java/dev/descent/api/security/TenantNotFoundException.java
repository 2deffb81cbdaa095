package dev.descent.api.security;

/** No tenant, or no API key, of that id the caller may see: answered 404. */
public class TenantNotFoundException extends RuntimeException {
  public TenantNotFoundException(String message) {
    super(message);
  }
}
