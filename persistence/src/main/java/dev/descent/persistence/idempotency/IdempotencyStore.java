package dev.descent.persistence.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys per caller scope ({@code idempotency_key}, migration V24). The first request with a key wins it by
 * inserting the row ({@code ON CONFLICT DO NOTHING}: of concurrent duplicates on any number of instances exactly one
 * insert succeeds); the others find the row and replay its response once it is stored, or wait while it is in
 * flight. A winner that dies leaves a row whose lease runs out; the next repeat takes it over. Each call is one
 * short statement outside any held transaction, so waiting holds no connection.
 */
@Component
public class IdempotencyStore {
  /** How many expired rows one claim purges at most, so purging stays cheap however many have piled up. */
  static final int PURGE_BATCH = 100;

  private final JdbcClient jdbc;
  private final Clock clock;

  public IdempotencyStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Claims {@code key} in {@code scope} for a request of hash {@code requestHash}: kept {@code ttl} once stored,
   * owned for {@code lease} while it runs. Purges expired keys first (this one and a batch of others).
   */
  public Claim claim(String scope, String key, String requestHash, Duration ttl, Duration lease) {
    Instant now = clock.instant();
    purgeExpired(scope, key, now);
    int inserted = jdbc.sql("INSERT INTO idempotency_key (scope, key, request_hash, created_at, lease_until,"
            + " expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(scope, key, requestHash, Timestamp.from(now), Timestamp.from(now.plus(lease)),
            Timestamp.from(now.plus(ttl)))
        .update();
    if (inserted == 1) {
      return new Claim.Won();
    }
    Optional<Row> row = find(scope, key);
    if (row.isEmpty()) {
      return new Claim.InFlight(); // deleted meanwhile (its first request failed): the caller asks again
    }
    Row found = row.get();
    if (!found.requestHash().equals(requestHash)) {
      return new Claim.Mismatch();
    }
    if (found.response() != null) {
      return new Claim.Replay(found.response());
    }
    return found.leaseUntil().isBefore(now) && takeOver(scope, key, found.leaseUntil(), now.plus(lease))
        ? new Claim.Won() : new Claim.InFlight();
  }

  /** Stores the response of the request that won {@code key}; repeats replay it from now on. */
  public void complete(String scope, String key, StoredResponse response) {
    jdbc.sql("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ?"
            + " WHERE scope = ? AND key = ?")
        .params(response.status(), response.contentType(), response.location(), response.body(), scope, key)
        .update();
  }

  /** Forgets a key whose request failed on the server's side (5xx), so that the client may retry it. */
  public void abandon(String scope, String key) {
    jdbc.sql("DELETE FROM idempotency_key WHERE scope = ? AND key = ? AND status IS NULL").params(scope, key)
        .update();
  }

  private void purgeExpired(String scope, String key, Instant now) {
    Timestamp at = Timestamp.from(now);
    jdbc.sql("DELETE FROM idempotency_key WHERE scope = ? AND key = ? AND expires_at <= ?").params(scope, key, at)
        .update();
    jdbc.sql("DELETE FROM idempotency_key WHERE ctid IN (SELECT ctid FROM idempotency_key WHERE expires_at <= ?"
            + " LIMIT ? FOR UPDATE SKIP LOCKED)")
        .params(at, PURGE_BATCH).update();
  }

  private boolean takeOver(String scope, String key, Instant leaseUntil, Instant newLease) {
    return jdbc.sql("UPDATE idempotency_key SET lease_until = ? WHERE scope = ? AND key = ? AND status IS NULL"
            + " AND lease_until = ?")
        .params(Timestamp.from(newLease), scope, key, Timestamp.from(leaseUntil))
        .update() == 1;
  }

  private Optional<Row> find(String scope, String key) {
    return jdbc.sql("SELECT request_hash, status, content_type, location, body, lease_until FROM idempotency_key"
            + " WHERE scope = ? AND key = ?")
        .params(scope, key)
        .query((rs, n) -> new Row(rs.getString("request_hash"), rs.getObject("status") == null ? null
            : new StoredResponse(rs.getInt("status"), rs.getString("content_type"), rs.getString("location"),
                rs.getBytes("body")),
            rs.getTimestamp("lease_until").toInstant()))
        .optional();
  }

  private record Row(String requestHash, StoredResponse response, Instant leaseUntil) {}
}
