package dev.descent.api.web;

import dev.descent.api.audit.AuditTrail;
import dev.descent.api.web.generated.AuditApi;
import dev.descent.api.web.generated.model.AuditEvent;
import dev.descent.api.web.generated.model.AuditEventList;
import dev.descent.persistence.audit.AuditEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail (openapi.yaml, tag {@code audit}); admin keys only. */
@RestController
record AuditController(AuditTrail trail) implements AuditApi {
  @Override
  public ResponseEntity<AuditEventList> listAuditEvents(UUID tenant, OffsetDateTime since, Integer limit) {
    var entries = trail.read(tenant, since == null ? null : since.toInstant(), limit);
    return ResponseEntity.ok(new AuditEventList(entries.stream().map(AuditController::event).toList()));
  }

  private static AuditEvent event(AuditEntry e) {
    return new AuditEvent(e.id(), e.at().atOffset(ZoneOffset.UTC), e.method(), e.path(), e.status())
        .keyPrefix(e.keyPrefix()).tenantId(e.tenantId()).route(e.route()).action(e.action())
        .resourceId(e.resourceId());
  }
}
