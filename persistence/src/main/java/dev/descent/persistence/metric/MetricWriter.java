package dev.descent.persistence.metric;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends metric samples, one statement per batch ({@code INSERT … SELECT FROM unnest(arrays)}). Idempotent on
 * {@code (job_id, name, step)}: a sample for a step already stored replaces it, so an attempt resumed from a
 * checkpoint overwrites the steps it replays. Within one batch the last sample of a (name, step) wins.
 */
@Component
public class MetricWriter {

  private static final String UPSERT =
      """
      INSERT INTO metric_point (job_id, attempt, name, step, epoch, value, at)
      SELECT ?, ?, n, s, e, v, now()
        FROM unnest(?::text[], ?::bigint[], ?::integer[], ?::float8[]) AS t(n, s, e, v)
      ON CONFLICT (job_id, name, step) DO UPDATE
         SET attempt = excluded.attempt, epoch = excluded.epoch, value = excluded.value, at = excluded.at
      """;

  private final JdbcClient jdbc;

  public MetricWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores {@code samples} of {@code jobId} reported by {@code attempt}; returns how many rows were written. */
  public int write(UUID jobId, int attempt, Collection<MetricSample> samples) {
    Map<String, MetricSample> unique = new LinkedHashMap<>();
    samples.forEach(sample -> unique.put(sample.name() + '\0' + sample.step(), sample));
    if (unique.isEmpty()) {
      return 0;
    }
    MetricSample[] batch = unique.values().toArray(MetricSample[]::new);
    String[] names = new String[batch.length];
    Long[] steps = new Long[batch.length];
    Integer[] epochs = new Integer[batch.length];
    Double[] values = new Double[batch.length];
    for (int i = 0; i < batch.length; i++) {
      names[i] = batch[i].name();
      steps[i] = batch[i].step();
      epochs[i] = batch[i].epoch();
      values[i] = batch[i].value();
    }
    return jdbc.sql(UPSERT).params(jobId, attempt, names, steps, epochs, values).update();
  }

  /** Deletes the samples of {@code jobId} after {@code step}: what a resumed attempt will write again. */
  public int deleteAfter(UUID jobId, long step) {
    return jdbc.sql("DELETE FROM metric_point WHERE job_id = ? AND step > ?").params(jobId, step).update();
  }
}
