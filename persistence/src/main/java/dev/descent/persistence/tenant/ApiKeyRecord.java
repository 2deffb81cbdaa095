package dev.descent.persistence.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored API key: its visible prefix (the primary key), its tenant ({@code null} for an admin key), the hex SHA-256
 * of the whole key (never the key itself), and when it was made, expires ({@code null}: never) and was revoked.
 */
public record ApiKeyRecord(String prefix, UUID tenantId, boolean admin, String hash, Instant createdAt,
    Instant expiresAt, Instant revokedAt) {

  /** Whether the key may be used at {@code now}: not revoked and not expired. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
