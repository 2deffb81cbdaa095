package dev.descent.api.monitoring;

import dev.descent.persistence.job.JobStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code descent.queue.depth{status=…}}: jobs per status over the whole database (every instance's), from
 * one {@code count(*) … GROUP BY status}, read at most once per {@link #MAX_AGE} however often it is scraped. While
 * the database is unreachable the gauges keep their last values (NaN before the first read).
 */
@Component
class QueueDepthGauges {
  static final Duration MAX_AGE = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(QueueDepthGauges.class);
  private static final String COUNT = "SELECT status, count(*) AS jobs FROM job GROUP BY status";

  private final JdbcClient jdbc;
  private final Clock clock;
  private Map<JobStatus, Long> counts;
  private Instant readAt = Instant.MIN;

  QueueDepthGauges(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    for (JobStatus status : JobStatus.values()) {
      Gauge.builder("descent.queue.depth", this, gauges -> gauges.depth(status)).tag("status", status.name())
          .description("Jobs in this status, across all instances (cached " + MAX_AGE.toSeconds() + " s)")
          .register(registry);
    }
  }

  synchronized double depth(JobStatus status) {
    Instant now = clock.instant();
    if (counts == null || !now.isBefore(readAt.plus(MAX_AGE))) {
      refresh(now);
    }
    return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
  }

  private void refresh(Instant now) {
    readAt = now;
    try {
      Map<JobStatus, Long> read = new EnumMap<>(JobStatus.class);
      jdbc.sql(COUNT).query((rs, row) -> read.put(JobStatus.valueOf(rs.getString("status")), rs.getLong("jobs")))
          .list();
      counts = read;
    } catch (RuntimeException e) {
      log.debug("Counting jobs by status failed; the queue-depth gauges keep their last values", e);
    }
  }
}
