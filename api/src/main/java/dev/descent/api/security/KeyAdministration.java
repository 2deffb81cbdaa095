package dev.descent.api.security;

import dev.descent.persistence.tenant.ApiKeyRecord;
import dev.descent.persistence.tenant.ApiKeyStore;
import dev.descent.persistence.tenant.Tenant;
import dev.descent.persistence.tenant.TenantStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenants and their keys (docs/security.md): a tenant is created with its first key; more keys are issued, keys are
 * revoked. A key's plain text leaves the service once, in the answer that creates it.
 */
@Service
public class KeyAdministration {
  private final TenantStore tenants;
  private final ApiKeyStore keys;
  private final JsonMapper json;
  private final Clock clock;

  KeyAdministration(TenantStore tenants, ApiKeyStore keys, JsonMapper json, Clock clock) {
    this.tenants = tenants;
    this.keys = keys;
    this.json = json;
    this.clock = clock;
  }

  /** A key as stored, with its plain text (this once). */
  public record IssuedKey(ApiKeyRecord key, String plaintext) {}

  /** A tenant just created, with its first key. */
  public record CreatedTenant(Tenant tenant, IssuedKey key) {}

  /** Creates the tenant named in {@code body} with a first key that never expires. */
  public CreatedTenant createTenant(String body) {
    Instant now = clock.instant();
    Tenant tenant = new Tenant(UUID.randomUUID(), TenantRequests.name(json, body), now);
    IssuedKey key = newKey(tenant.id(), null, now);
    tenants.create(tenant, key.key());
    return new CreatedTenant(tenant, key);
  }

  public List<Tenant> tenants() {
    return tenants.list();
  }

  /** A new key for tenant {@code tenantId}, expiring at the body's {@code expiresAt} if any. */
  public IssuedKey issueKey(UUID tenantId, String body) {
    Instant now = clock.instant();
    Instant expiresAt = TenantRequests.expiresAt(json, body, now);
    tenants.find(tenantId).orElseThrow(() -> new TenantNotFoundException("no tenant " + tenantId));
    IssuedKey key = newKey(tenantId, expiresAt, now);
    keys.insert(key.key());
    return key;
  }

  /** Revokes key {@code prefix}: any key for an admin, the caller's tenant's keys for a tenant. */
  public void revoke(String prefix) {
    Caller caller = Callers.current();
    if (!keys.revoke(prefix, caller.admin() ? null : caller.tenantId(), clock.instant())) {
      throw new TenantNotFoundException("no API key " + prefix);
    }
  }

  private static IssuedKey newKey(UUID tenantId, Instant expiresAt, Instant now) {
    ApiKeys.NewKey created = ApiKeys.generate();
    return new IssuedKey(new ApiKeyRecord(created.prefix(), tenantId, false, ApiKeys.hash(created.key()), now,
        expiresAt, null), created.key());
  }
}
