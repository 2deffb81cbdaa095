package dev.descent.persistence.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant: a name unique in the service, owning jobs, studies and API keys. */
public record Tenant(UUID id, String name, Instant createdAt) {}
