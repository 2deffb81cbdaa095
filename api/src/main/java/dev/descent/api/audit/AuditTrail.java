package dev.descent.api.audit;

import dev.descent.api.security.Callers;
import dev.descent.api.security.ForbiddenException;
import dev.descent.persistence.audit.AuditEntry;
import dev.descent.persistence.audit.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads the audit trail; for admin keys only. */
@Service
public class AuditTrail {
  private final AuditLog audit;

  AuditTrail(AuditLog audit) {
    this.audit = audit;
  }

  /** At most {@code limit} rows newest first, of {@code tenant} and since {@code since} when given. */
  public List<AuditEntry> read(UUID tenant, Instant since, int limit) {
    if (!Callers.current().admin()) {
      throw new ForbiddenException("the audit trail is readable with an admin key only");
    }
    return audit.newestFirst(tenant, since, limit);
  }
}
