package dev.descent.persistence.tenant;

/** A tenant of that name exists already (names are unique). */
public class TenantConflictException extends RuntimeException {
  public TenantConflictException(String name) {
    super("a tenant named '" + name + "' exists already");
  }
}
