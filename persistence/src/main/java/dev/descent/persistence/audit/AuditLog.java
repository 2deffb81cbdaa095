package dev.descent.persistence.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Appends to and reads the audit trail ({@code audit_event}, migration V24), one statement each. */
@Component
public class AuditLog {
  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends one entry (its id is ignored). */
  public void append(AuditEntry e) {
    jdbc.sql("INSERT INTO audit_event (at, key_prefix, tenant_id, method, path, route, action, resource_id, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(e.at()), e.keyPrefix(), e.tenantId(), e.method(), e.path(), e.route(), e.action())
        .params(e.resourceId(), e.status())
        .update();
  }

  /**
   * At most {@code limit} entries newest first; only those of {@code tenantId} and at or after {@code since} when
   * those are not null.
   */
  public List<AuditEntry> newestFirst(UUID tenantId, Instant since, int limit) {
    return jdbc.sql("SELECT id, at, key_prefix, tenant_id, method, path, route, action, resource_id, status"
            + " FROM audit_event WHERE (CAST(? AS uuid) IS NULL OR tenant_id = ?)"
            + " AND (CAST(? AS timestamptz) IS NULL OR at >= ?) ORDER BY at DESC, id DESC LIMIT ?")
        .params(tenantId, tenantId, timestamp(since), timestamp(since), limit)
        .query((rs, n) -> entry(rs))
        .list();
  }

  private static Timestamp timestamp(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("key_prefix"),
        rs.getObject("tenant_id", UUID.class), rs.getString("method"), rs.getString("path"), rs.getString("route"),
        rs.getString("action"), rs.getString("resource_id"), rs.getInt("status"));
  }
}
