package dev.descent.persistence.metric;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A downsampled read of a long series (docs/benchmarks.md, {@code bench/metric-reads.sh}): an embedded PostgreSQL 17,
 * the schema migrated, one series of {@code -Dbench.points} (5,000,000) points written in statements of 100,000
 * (the rollups maintained by their trigger), then {@link MetricQuery#read} down to {@code -Dbench.maxPoints} (800)
 * points, answered from the rollups, and the same read by the raw window-aggregate scan, each timed as medians. A
 * main, not a test.
 */
public final class MetricReadBench {

  private static final long POINTS = Long.getLong("bench.points", 5_000_000);
  private static final int MAX_POINTS = Integer.getInteger("bench.maxPoints", 800);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 21);
  private static final int RAW_ROUNDS = Integer.getInteger("bench.rawRounds", 3);
  private static final long CHUNK = 100_000;

  private MetricReadBench() {}

  public static void main(String[] args) throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
        HikariDataSource dataSource = new HikariDataSource()) {
      dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      dataSource.setUsername("postgres");
      Flyway.configure().dataSource(dataSource).load().migrate();
      JdbcClient jdbc = JdbcClient.create(dataSource);
      System.out.println("postgres: " + jdbc.sql("SELECT version()").query(String.class).single());
      UUID job = fill(jdbc);
      MetricQuery query = new MetricQuery(jdbc);
      List<SeriesPoint> rollup = query.read(job, List.of("loss"), null, null, MAX_POINTS).get(0).points();
      List<SeriesPoint> raw = query.readRaw(job, "loss", Long.MIN_VALUE, Long.MAX_VALUE, MAX_POINTS).points();
      System.out.printf("points returned: %d from the rollups, %d by the raw scan%n", rollup.size(), raw.size());
      double rollupMs = median(ROUNDS, () -> query.read(job, List.of("loss"), null, null, MAX_POINTS));
      double rawMs = median(RAW_ROUNDS, () -> query.readRaw(job, "loss", Long.MIN_VALUE, Long.MAX_VALUE, MAX_POINTS));
      System.out.printf("RESULT metric_read_ms %.1f%n", rollupMs);
      System.out.printf("RESULT metric_read_raw_ms %.1f%n", rawMs);
    }
  }

  private static UUID fill(JdbcClient jdbc) {
    UUID job = UUID.randomUUID();
    jdbc.sql("INSERT INTO job (id, status, spec, name, max_attempts, created_at)"
        + " VALUES (?, 'QUEUED', '{}'::jsonb, 'bench', 1, now())").param(job).update();
    long began = System.nanoTime();
    for (long from = 1; from <= POINTS; from += CHUNK) {
      jdbc.sql("""
              INSERT INTO metric_point (job_id, attempt, name, step, epoch, value)
              SELECT ?, 1, 'loss', s, (s / 10000)::int,
                     CASE WHEN s % 1000003 = 0 THEN 'NaN'::float8 ELSE 1.0 / s + sin(s) END
                FROM generate_series(?::bigint, ?::bigint) AS s
              """)
          .params(job, from, Math.min(POINTS, from + CHUNK - 1)).update();
    }
    long rollups = jdbc.sql("SELECT count(*) FROM metric_rollup").query(Long.class).single();
    System.out.printf("filled %d points (%d rollup rows) in %.1f s%n", POINTS, rollups,
        (System.nanoTime() - began) / 1e9);
    jdbc.sql("VACUUM ANALYZE metric_point").update();
    jdbc.sql("VACUUM ANALYZE metric_rollup").update();
    return job;
  }

  private static double median(int rounds, Supplier<?> read) {
    read.get();
    double[] millis = IntStream.range(0, rounds).mapToDouble(i -> millis(read)).sorted().toArray();
    System.out.printf("  %d rounds, ms: min %.1f, median %.1f, max %.1f%n", rounds, millis[0], millis[rounds / 2],
        millis[rounds - 1]);
    return millis[rounds / 2];
  }

  private static double millis(Supplier<?> read) {
    long began = System.nanoTime();
    read.get();
    return (System.nanoTime() - began) / 1e6;
  }
}
