package dev.descent.api.web;

import dev.descent.api.quota.Quotas;
import dev.descent.api.security.TenantNotFoundException;
import dev.descent.api.web.generated.QuotasApi;
import dev.descent.api.web.generated.model.QuotaSettings;
import dev.descent.api.web.generated.model.TenantQuotas;
import dev.descent.persistence.quota.QuotaLimits;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Set a tenant's quotas (openapi.yaml, tag {@code quotas}; docs/security.md "Quotas"); admin only, as all of
 * {@code /api/v1/tenants/**} ({@code SecurityConfiguration}).
 */
@RestController
record QuotasController(Quotas quotas) implements QuotasApi {
  @Override
  public ResponseEntity<TenantQuotas> setTenantQuotas(UUID tenantId, String body) {
    QuotaLimits own = quotas.set(tenantId, body)
        .orElseThrow(() -> new TenantNotFoundException("no tenant " + tenantId));
    return ResponseEntity.ok(toDto(tenantId, own, quotas.effective(tenantId).orElse(own)));
  }

  /** The tenant's quotas as the API shows them: its own and those in effect (own, else the service default). */
  static TenantQuotas toDto(UUID tenant, QuotaLimits own, QuotaLimits effective) {
    return new TenantQuotas(tenant, settings(own), settings(effective));
  }

  /** The tenant's quotas as the API shows them; null when there is no such tenant. */
  static TenantQuotas of(Quotas quotas, UUID tenant) {
    return quotas.own(tenant).map(own -> toDto(tenant, own, quotas.effective(tenant).orElse(own))).orElse(null);
  }

  private static QuotaSettings settings(QuotaLimits limits) {
    return new QuotaSettings().maxRunningJobs(limits.maxRunningJobs()).maxQueuedJobs(limits.maxQueuedJobs())
        .maxCheckpointBytes(limits.maxCheckpointBytes()).maxDataBytes(limits.maxDataBytes())
        .finishedJobRetentionDays(limits.finishedJobRetentionDays());
  }
}
