package dev.descent.persistence.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys in plain SQL: looked up by prefix on every request (one primary-key read), inserted, revoked, and admin
 * keys registered at start with one {@code INSERT … ON CONFLICT} so that instances starting together agree.
 */
@Service
public class ApiKeyStore {
  private static final String COLUMNS = "prefix, tenant_id, admin, hash, created_at, expires_at, revoked_at";
  /** The advisory lock that serializes the admin key bootstrap of instances sharing one database. */
  private static final long BOOTSTRAP_LOCK = 0x64736b5f61646d6eL; // "dsk_admn"
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  public ApiKeyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Runs {@code action} in one transaction that holds the admin-key bootstrap lock (a transaction-scoped advisory
   * lock), so that of several instances starting together on one database only one creates an admin key.
   */
  public <T> T underBootstrapLock(Supplier<T> action) {
    return transactions.execute(status -> {
      jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(BOOTSTRAP_LOCK).query(Object.class).single();
      return action.get();
    });
  }

  /** The key whose prefix is {@code prefix}, active or not. */
  public Optional<ApiKeyRecord> find(String prefix) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE prefix = ?").param(prefix)
        .query(ApiKeyStore::key).optional();
  }

  /** Stores a new key. */
  public void insert(ApiKeyRecord key) {
    jdbc.sql("INSERT INTO api_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(key.prefix(), key.tenantId(), key.admin(), key.hash(), Timestamp.from(key.createdAt()),
            timestamp(key.expiresAt()), timestamp(key.revokedAt()))
        .update();
  }

  /**
   * Registers an admin key (the configured one, or the one in the admin key file): inserted, or made an active admin
   * key with this hash again when its prefix is stored already. Safe when several instances do it at once.
   */
  public void registerAdmin(String prefix, String hash, Instant now) {
    jdbc.sql("""
        INSERT INTO api_key (prefix, tenant_id, admin, hash, created_at) VALUES (?, NULL, true, ?, ?)
        ON CONFLICT (prefix) DO UPDATE SET tenant_id = NULL, admin = true, hash = EXCLUDED.hash,
          expires_at = NULL, revoked_at = NULL""")
        .params(prefix, hash, Timestamp.from(now)).update();
  }

  /** Whether any admin key is active at {@code now}. */
  public boolean anyActiveAdmin(Instant now) {
    return jdbc.sql("""
        SELECT EXISTS (SELECT 1 FROM api_key WHERE admin AND revoked_at IS NULL
          AND (expires_at IS NULL OR expires_at > ?))""")
        .param(Timestamp.from(now)).query(Boolean.class).single();
  }

  /**
   * Revokes key {@code prefix} at {@code now} (a key revoked earlier keeps its first revocation time); with a
   * {@code tenant}, only if the key is that tenant's. Whether such a key exists.
   */
  public boolean revoke(String prefix, UUID tenant, Instant now) {
    return jdbc.sql("""
        UPDATE api_key SET revoked_at = COALESCE(revoked_at, :now)
        WHERE prefix = :prefix AND (CAST(:tenant AS uuid) IS NULL OR tenant_id = :tenant)""")
        .param("now", Timestamp.from(now)).param("prefix", prefix).param("tenant", tenant)
        .update() == 1;
  }

  private static ApiKeyRecord key(ResultSet rs, int row) throws SQLException {
    return new ApiKeyRecord(rs.getString("prefix"), rs.getObject("tenant_id", UUID.class), rs.getBoolean("admin"),
        rs.getString("hash"), instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
