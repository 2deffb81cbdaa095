package dev.descent.persistence.checkpoint;

import com.zaxxer.hikari.HikariDataSource;
import dev.descent.persistence.metric.MetricSample;
import dev.descent.persistence.metric.MetricWriter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * What durability costs the service's writes (docs/benchmarks.md): two embedded PostgreSQL 17 servers side by side,
 * one as the service now runs it (fsync, synchronous_commit and full_page_writes on) and one with zonky's test
 * defaults (-F, synchronous_commit off), measured in alternating rounds through the service's own writers. Metric
 * writes: {@link MetricWriter#write} with 3 points per transaction (one update of a slow job per flush) and with 1,000
 * (a fast job's 250 ms flush); checkpoint saves: {@link CheckpointStore#save} of an 8 MB content. A main, not a test.
 */
public final class DurabilityBench {
  private static final int ROUNDS = 3;

  private DurabilityBench() {}

  public static void main(String[] args) throws Exception {
    try (EmbeddedPostgres durable = start(true); EmbeddedPostgres relaxed = start(false);
        Target d = new Target("durable", durable); Target r = new Target("relaxed", relaxed)) {
      for (int round = 1; round <= ROUNDS; round++) {
        for (Target t : round % 2 == 1 ? List.of(d, r) : List.of(r, d)) {
          System.out.printf("round %d %-8s small batches %8.0f points/s | large batches %8.0f points/s"
                  + " | 8 MB checkpoint save median %6.1f ms%n", round, t.name, t.metrics(3, 600),
              t.metrics(1000, 40), t.checkpointMillis(8 << 20, 7));
        }
      }
    }
  }

  private static EmbeddedPostgres start(boolean durableSettings) throws Exception {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (durableSettings) {
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    return builder.start();
  }

  /** One server with the schema migrated and the service's writers over a pooled data source. */
  private static final class Target implements AutoCloseable {
    private final String name;
    private final HikariDataSource dataSource = new HikariDataSource();
    private final JdbcClient jdbc;
    private final MetricWriter metrics;
    private final CheckpointStore checkpoints;
    private long step;

    Target(String name, EmbeddedPostgres postgres) {
      this.name = name;
      dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      dataSource.setUsername("postgres");
      Flyway.configure().dataSource(dataSource).load().migrate();
      jdbc = JdbcClient.create(dataSource);
      metrics = new MetricWriter(jdbc);
      checkpoints = new CheckpointStore(jdbc, new LargeObjectContent(dataSource),
          new DataSourceTransactionManager(dataSource), Clock.systemUTC());
    }

    double metrics(int perBatch, int batches) {
      UUID job = job();
      long start = System.nanoTime();
      for (int b = 0; b < batches; b++) {
        List<MetricSample> batch = new ArrayList<>(perBatch);
        for (int i = 0; i < perBatch; i++) {
          batch.add(new MetricSample("loss", ++step, 1, 0.5));
        }
        metrics.write(job, 1, batch);
      }
      return (double) perBatch * batches / ((System.nanoTime() - start) / 1e9);
    }

    double checkpointMillis(int size, int saves) {
      UUID job = job();
      byte[] content = new byte[size];
      new Random(7).nextBytes(content);
      double[] millis = new double[saves];
      for (int i = 0; i < saves; i++) {
        long start = System.nanoTime();
        checkpoints.save(job, 1, "periodic", i + 1L, 1, content, Map.of("val_loss", 0.1));
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      return millis[saves / 2];
    }

    private UUID job() {
      UUID id = UUID.randomUUID();
      jdbc.sql("INSERT INTO job (id, status, spec, name, max_attempts, created_at)"
          + " VALUES (?, 'QUEUED', '{}'::jsonb, 'bench', 1, now())").param(id).update();
      return id;
    }

    @Override
    public void close() {
      dataSource.close();
    }
  }
}
