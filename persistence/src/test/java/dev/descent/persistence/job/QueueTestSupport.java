package dev.descent.persistence.job;

import dev.descent.persistence.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue, the service and the reader over an emptied job table, for the tests of claims, releases, pauses and
 * stops.
 */
abstract class QueueTestSupport extends PostgresIntegrationTest {

  static final JobProgress PROGRESS = new JobProgress(1, 4, 12, 40, 0.3);

  @Autowired JobQueue queue;
  @Autowired JobService service;
  @Autowired JobReader reader;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyQueue() {
    jdbc.sql("TRUNCATE job CASCADE").update();
  }
}
