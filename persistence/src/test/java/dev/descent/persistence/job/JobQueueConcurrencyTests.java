package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.PostgresIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two worker pools with their own claimant ids drain one queue: every job runs exactly once, none is lost. */
class JobQueueConcurrencyTests extends PostgresIntegrationTest {

  private static final int JOBS = 2_000;
  private static final int POOLS = 2;
  private static final int THREADS_PER_POOL = 4;
  private static final int CLAIM_BATCH = 4;
  private static final JobProgress DONE = new JobProgress(1, 1, 10, 10, 1.0);

  @Autowired JobQueue queue;
  @Autowired JobService service;
  @Autowired JdbcClient jdbc;

  private final Map<UUID, List<String>> runs = new ConcurrentHashMap<>();

  @BeforeEach
  void fillQueue() {
    jdbc.sql("TRUNCATE job CASCADE").update();
    jdbc.sql(
            """
            INSERT INTO job (id, status, spec, name, priority, max_attempts, created_at)
            SELECT gen_random_uuid(), 'QUEUED', '{}', 'job-' || i, i % 3, 3, now() + i * interval '1 microsecond'
              FROM generate_series(1, ?) AS i
            """)
        .param(JOBS)
        .update();
  }

  @Test
  void twoPoolsRunEveryJobExactlyOnce() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<ExecutorService> pools = new ArrayList<>();
    List<Future<Integer>> workers = new ArrayList<>();
    for (int pool = 0; pool < POOLS; pool++) {
      ExecutorService executor = Executors.newFixedThreadPool(THREADS_PER_POOL);
      pools.add(executor);
      for (int thread = 0; thread < THREADS_PER_POOL; thread++) {
        String workerId = "pool-" + pool + "-worker-" + thread;
        workers.add(executor.submit(() -> work(workerId, start)));
      }
    }
    long began = System.nanoTime();
    start.countDown();
    int completed = 0;
    for (Future<Integer> worker : workers) {
      completed += worker.get();
    }
    System.out.printf("%d jobs claimed and completed by %d workers in %d ms%n", JOBS, workers.size(),
        (System.nanoTime() - began) / 1_000_000);
    pools.forEach(ExecutorService::shutdown);

    assertThat(completed).isEqualTo(JOBS);
    assertThat(runs).hasSize(JOBS);
    assertThat(runs.values()).allSatisfy(workerIds -> assertThat(workerIds).hasSize(1));
    assertThat(countWhere("status = 'SUCCEEDED' AND attempt = 1")).isEqualTo(JOBS);
    assertThat(eventsPerJob("RUNNING")).containsOnly(1L).hasSize(JOBS);
    assertThat(eventsPerJob("SUCCEEDED")).containsOnly(1L).hasSize(JOBS);
    for (int pool = 0; pool < POOLS; pool++) {
      assertThat(countWhere("claimed_by LIKE 'pool-" + pool + "-%'")).as("jobs of pool " + pool).isPositive();
    }
    Map<UUID, String> claimants =
        jdbc.sql("SELECT id, claimed_by FROM job").query().listOfRows().stream()
            .collect(Collectors.toMap(
                row -> (UUID) row.get("id"), row -> (String) row.get("claimed_by")));
    runs.forEach((id, workerIds) -> assertThat(claimants.get(id)).isEqualTo(workerIds.get(0)));
  }

  /** A worker: claim a batch, heart-beat and finish each job, until the queue is empty. */
  private int work(String workerId, CountDownLatch start) throws InterruptedException {
    start.await();
    int completed = 0;
    for (List<ClaimedJob> batch = queue.claim(workerId, CLAIM_BATCH); !batch.isEmpty();
        batch = queue.claim(workerId, CLAIM_BATCH)) {
      for (ClaimedJob job : batch) {
        runs.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>()).add(workerId);
        assertThat(queue.heartbeat(job.id(), workerId, DONE, Map.of("loss", 0.1)))
            .isEqualTo(HeartbeatResult.CONTINUE);
        assertThat(service.finish(job.id(), workerId, JobResult.succeeded())).isTrue();
        completed++;
      }
    }
    return completed;
  }

  private long countWhere(String condition) {
    return jdbc.sql("SELECT count(*) FROM job WHERE " + condition).query(Long.class).single();
  }

  private List<Long> eventsPerJob(String toStatus) {
    return jdbc.sql("SELECT count(*) FROM job_event WHERE to_status = ? GROUP BY job_id")
        .param(toStatus)
        .query(Long.class)
        .list();
  }
}
