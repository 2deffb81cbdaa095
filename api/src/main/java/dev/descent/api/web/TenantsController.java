package dev.descent.api.web;

import dev.descent.api.quota.Quotas;
import dev.descent.api.security.KeyAdministration;
import dev.descent.api.web.generated.TenantsApi;
import dev.descent.api.web.generated.model.CreatedTenant;
import dev.descent.api.web.generated.model.NewApiKey;
import dev.descent.api.web.generated.model.Tenant;
import dev.descent.api.web.generated.model.TenantList;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Tenants and their API keys (openapi.yaml, tag {@code tenants}; docs/security.md). */
@RestController
record TenantsController(KeyAdministration administration, Quotas quotas) implements TenantsApi {
  @Override
  public ResponseEntity<CreatedTenant> createTenant(String body) {
    KeyAdministration.CreatedTenant created = administration.createTenant(body);
    Tenant tenant = tenant(created.tenant());
    return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.getId()))
        .body(new CreatedTenant(tenant, key(created.key())));
  }

  @Override
  public ResponseEntity<TenantList> listTenants() {
    return ResponseEntity.ok(new TenantList(administration.tenants().stream().map(this::tenant).toList()));
  }

  @Override
  public ResponseEntity<NewApiKey> createApiKey(UUID tenantId, String body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(key(administration.issueKey(tenantId, body)));
  }

  @Override
  public ResponseEntity<Void> revokeApiKey(String prefix) {
    administration.revoke(prefix);
    return ResponseEntity.noContent().build();
  }

  /** The tenant as the API shows it, with its quotas ({@link QuotasController#of}). */
  private Tenant tenant(dev.descent.persistence.tenant.Tenant tenant) {
    return new Tenant(tenant.id(), tenant.name(), JobMapper.time(tenant.createdAt()))
        .quotas(QuotasController.of(quotas, tenant.id()));
  }

  private static NewApiKey key(KeyAdministration.IssuedKey issued) {
    var key = issued.key();
    return new NewApiKey(key.prefix(), issued.plaintext(), key.admin(), JobMapper.time(key.createdAt()))
        .tenantId(key.tenantId()).expiresAt(JobMapper.time(key.expiresAt()));
  }
}
