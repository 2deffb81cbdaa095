package dev.descent.api.security;

import dev.descent.persistence.support.Visibility;
import java.util.UUID;

/**
 * The one rule of tenant isolation on the service's side: what a caller sees ({@link #visibility}, applied by the
 * readers in SQL) and who owns what it creates ({@link #owner}). An admin sees every tenant's resources and those of
 * no tenant; a tenant sees only its own. Whatever a caller does not see is answered as missing (404), never as
 * forbidden, so that ids of other tenants' resources leak nothing.
 */
public final class Ownership {
  private Ownership() {}

  /** What the current request's caller sees. */
  public static Visibility visibility() {
    return of(Callers.current());
  }

  /** What {@code caller} sees. */
  public static Visibility of(Caller caller) {
    return caller.admin() ? Visibility.ALL : Visibility.of(caller.tenantId());
  }

  /** The tenant that owns what the current caller creates: its tenant, or null for an admin (owned by no tenant). */
  public static UUID owner() {
    Caller caller = Callers.current();
    return caller.admin() ? null : caller.tenantId();
  }
}
