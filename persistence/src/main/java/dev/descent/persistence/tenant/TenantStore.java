package dev.descent.persistence.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenants in plain SQL: created together with their first key (one transaction), listed, read. */
@Service
public class TenantStore {
  private final JdbcClient jdbc;
  private final ApiKeyStore keys;
  private final TransactionTemplate transactions;

  public TenantStore(JdbcClient jdbc, ApiKeyStore keys, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Stores {@code tenant} and its first key, both or neither.
   *
   * @throws TenantConflictException when a tenant of that name exists
   */
  public void create(Tenant tenant, ApiKeyRecord firstKey) {
    transactions.executeWithoutResult(status -> {
      int inserted = jdbc.sql("INSERT INTO tenant (id, name, created_at) VALUES (?, ?, ?) "
              + "ON CONFLICT (name) DO NOTHING")
          .params(tenant.id(), tenant.name(), Timestamp.from(tenant.createdAt())).update();
      if (inserted == 0) {
        throw new TenantConflictException(tenant.name());
      }
      keys.insert(firstKey);
    });
  }

  /** Every tenant, oldest first. */
  public List<Tenant> list() {
    return jdbc.sql("SELECT id, name, created_at FROM tenant ORDER BY created_at, name")
        .query(TenantStore::tenant)
        .list();
  }

  /** The tenant {@code id}. */
  public Optional<Tenant> find(UUID id) {
    return jdbc.sql("SELECT id, name, created_at FROM tenant WHERE id = ?").param(id)
        .query(TenantStore::tenant)
        .optional();
  }

  private static Tenant tenant(ResultSet rs, int row) throws SQLException {
    return new Tenant(rs.getObject("id", UUID.class), rs.getString("name"), ApiKeyStore.instant(rs, "created_at"));
  }
}
