package dev.descent.api.web;

import dev.descent.api.job.JobNotFoundException;
import dev.descent.api.quota.Quotas;
import dev.descent.api.security.Callers;
import dev.descent.api.web.generated.QuotasApi;
import dev.descent.api.web.generated.model.QuotaSettings;
import dev.descent.api.web.generated.model.TenantQuotas;
import dev.descent.persistence.quota.QuotaLimits;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Set a tenant's quotas, admin only (openapi.yaml, tag {@code quotas}; docs/security.md "Quotas"). */
@RestController
record QuotasController(Quotas quotas) implements QuotasApi {
  @Override
  public ResponseEntity<TenantQuotas> setTenantQuotas(UUID id, String body) {
    if (!Callers.current().admin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only an admin key may set a tenant's quotas");
    }
    QuotaLimits own = quotas.set(id, body).orElseThrow(() -> new JobNotFoundException("no tenant " + id));
    return ResponseEntity.ok(toDto(id, own, quotas.effective(id).orElse(own)));
  }

  /** The tenant's quotas as the API shows them: its own and those in effect (own, else the service default). */
  static TenantQuotas toDto(UUID tenant, QuotaLimits own, QuotaLimits effective) {
    return new TenantQuotas(tenant, settings(own), settings(effective));
  }

  private static QuotaSettings settings(QuotaLimits limits) {
    return new QuotaSettings().maxRunningJobs(limits.maxRunningJobs()).maxQueuedJobs(limits.maxQueuedJobs())
        .maxCheckpointBytes(limits.maxCheckpointBytes()).maxDataBytes(limits.maxDataBytes());
  }
}
