package dev.descent.persistence.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which owners' rows a read may return: every row ({@link #ALL}, an admin or the service itself) or only those of
 * one tenant. The one rule of isolation in SQL: {@link #predicate} over a table's {@code tenant_id} column, bound by
 * {@link #bind}. A row owned by no tenant ({@code tenant_id} NULL) is seen only by {@link #ALL}.
 *
 * @param tenant the tenant whose rows are seen (null with {@code all})
 * @param all whether every row is seen
 */
public record Visibility(UUID tenant, boolean all) {
  /** Sees every row. */
  public static final Visibility ALL = new Visibility(null, true);

  public Visibility {
    if (!all && tenant == null) {
      throw new IllegalArgumentException("a tenant's visibility needs the tenant");
    }
  }

  /** Sees only {@code tenant}'s rows. */
  public static Visibility of(UUID tenant) {
    return new Visibility(tenant, false);
  }

  /** Whether a row owned by {@code owner} (null: by no tenant) is seen. */
  public boolean sees(UUID owner) {
    return all || tenant.equals(owner);
  }

  /** The SQL condition that {@code column} (a {@code tenant_id}) is seen, over parameters {@code :seeAll, :tenant}. */
  public static String predicate(String column) {
    return "(CAST(:seeAll AS boolean) OR " + column + " = CAST(:tenant AS uuid))";
  }

  /** {@code statement} with the parameters of {@link #predicate} bound. */
  public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
    return statement.param("seeAll", all).param("tenant", tenant);
  }
}
