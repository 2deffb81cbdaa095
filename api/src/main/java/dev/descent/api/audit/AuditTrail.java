package dev.descent.api.audit;

import dev.descent.api.security.Callers;
import dev.descent.api.security.ForbiddenException;
import dev.descent.persistence.audit.AuditEntry;
import dev.descent.persistence.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The audit trail: {@link AuditFilter} appends to it through {@link #log()} at {@link #clock()}'s time; {@link #read}
 * answers it to admin keys only.
 */
@Service
public record AuditTrail(AuditLog log, Clock clock) {
  /** At most {@code limit} rows newest first, of {@code tenant} and since {@code since} when given. */
  public List<AuditEntry> read(UUID tenant, Instant since, int limit) {
    if (!Callers.current().admin()) {
      throw new ForbiddenException("the audit trail is readable with an admin key only");
    }
    return log.newestFirst(tenant, since, limit);
  }
}
