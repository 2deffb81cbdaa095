package dev.descent.persistence.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.PostgresIntegrationTest;
import dev.descent.persistence.job.ClaimedJob;
import dev.descent.persistence.job.JobProgress;
import dev.descent.persistence.job.JobQueue;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.NewJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Migration V20: whatever a job's event stream shows notifies channel {@code descent_job_changed} with the job's id,
 * once per job and transaction however many rows changed (a batch of 1,000 metric points, a claim of two jobs), and a
 * heartbeat that changes nothing shown notifies nothing. (In this package: it writes metric points through the job
 * queue's jobs, as the other metric tests do.)
 */
class JobChangeNotificationTests extends PostgresIntegrationTest {
  private static final String CHANNEL = "descent_job_changed";

  @Autowired DataSource dataSource;
  private Connection listener;
  @Autowired MetricWriter metrics;
  @Autowired JobQueue queue;
  @Autowired JobService service;

  @BeforeEach
  void listen() throws SQLException {
    listener = dataSource.getConnection();
    try (Statement s = listener.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    }
  }

  @AfterEach
  void unlisten() throws SQLException {
    try (Statement s = listener.createStatement()) {
      s.execute("UNLISTEN *");
    }
    listener.close();
  }

  @Test
  void eachChangeNotifiesTheJobsIdOncePerTransaction() throws SQLException {
    UUID a = submit();
    UUID b = submit();
    assertThat(received()).containsExactlyInAnyOrder(a.toString(), b.toString());

    assertThat(queue.claim("worker-a", 2)).extracting(ClaimedJob::id).containsExactlyInAnyOrder(a, b);
    assertThat(received()).containsExactlyInAnyOrder(a.toString(), b.toString());

    List<MetricSample> batch = new ArrayList<>();
    for (int step = 1; step <= 1000; step++) {
      batch.add(new MetricSample("loss", step, 0, 1.0 / step));
    }
    assertThat(metrics.write(a, 1, batch)).isEqualTo(1000);
    assertThat(received()).containsExactly(a.toString());
    metrics.write(a, 1, batch.subList(0, 500)); // an upsert that only updates
    assertThat(received()).containsExactly(a.toString());

    JobProgress progress = new JobProgress(1, 4, 12, 40, 0.3);
    queue.heartbeat(b, "worker-a", progress, Map.of("loss", 0.5));
    assertThat(received()).containsExactly(b.toString());
    queue.heartbeat(b, "worker-a", progress, Map.of("loss", 0.5));
    assertThat(received()).as("a heartbeat that changes nothing shown").isEmpty();
  }

  private UUID submit() {
    return service.create(new NewJob("notify", "{\"epochs\": 4}", 1_000_000, 3)).id(); // claimed before others
  }

  /** The payloads on the channel until none arrives for a while. */
  private List<String> received() throws SQLException {
    PGConnection pg = listener.unwrap(PGConnection.class);
    List<String> payloads = new ArrayList<>();
    PGNotification[] batch;
    while ((batch = pg.getNotifications(500)) != null && batch.length > 0) {
      for (PGNotification n : batch) {
        if (n.getName().equals(CHANNEL)) {
          payloads.add(n.getParameter());
        }
      }
    }
    return payloads;
  }
}
