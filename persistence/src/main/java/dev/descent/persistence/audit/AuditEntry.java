package dev.descent.persistence.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited call: who (the key's visible prefix and its tenant, null when unknown), what (method, path, the route
 * template and operation when a handler was found, the resource's id when known), when, and its response status. The
 * id is null for an entry not yet stored.
 */
public record AuditEntry(Long id, Instant at, String keyPrefix, UUID tenantId, String method, String path,
    String route, String action, String resourceId, int status) {}
