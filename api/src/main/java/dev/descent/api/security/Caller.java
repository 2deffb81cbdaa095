package dev.descent.api.security;

import java.util.UUID;

/**
 * Who is calling: the visible prefix of the API key used, the tenant that key belongs to ({@code null} for an admin
 * key) and whether it is an admin key. An admin sees every tenant's resources; a tenant sees only its own.
 */
public record Caller(String keyPrefix, UUID tenantId, boolean admin) {
  /** The service itself (workers, tickers): acts for nobody in particular and sees everything. */
  public static final Caller SYSTEM = new Caller("system", null, true);

  /** Whether this caller may see a resource owned by {@code owner} ({@code null}: owned by no tenant). */
  public boolean sees(UUID owner) {
    return admin || (tenantId != null && tenantId.equals(owner));
  }

  /** A scope string for per-caller keyed data (idempotency keys): the tenant, or {@code admin}. */
  public String scope() {
    return tenantId == null ? "admin" : tenantId.toString();
  }
}
