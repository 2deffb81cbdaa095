package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.persistence.PostgresIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class OptimisticLockingTests extends PostgresIntegrationTest {

  @Autowired JobRepository jobs;
  @Autowired JobService service;
  @Autowired JobQueue queue;
  @Autowired JobReader reader;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void emptyQueue() {
    jdbc.sql("TRUNCATE job CASCADE").update();
  }

  @Test
  void theSecondOfTwoConcurrentEntityWritesFails() {
    UUID id = service.create(new NewJob("j", "{}", 0, 3)).id();
    TrainingJob first = load(id);
    TrainingJob second = load(id);

    first.markCancelled(Instant.now(), "user");
    jobs.save(first);
    second.markCancelled(Instant.now(), "another user");

    assertThatThrownBy(() -> jobs.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(reader.find(id).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void aClaimInvalidatesAnEntityLoadedBeforeIt() {
    UUID id = service.create(new NewJob("j", "{}", 0, 3)).id();
    TrainingJob stale = load(id);
    queue.claim("worker-a", 1);

    stale.markCancelled(Instant.now(), "user");

    assertThatThrownBy(() -> jobs.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(service.cancel(id, "user").orElseThrow().status()).isEqualTo(JobStatus.CANCELLING);
  }

  /** A detached copy with its timeline loaded, as a second request would hold it. */
  private TrainingJob load(UUID id) {
    return new TransactionTemplate(transactionManager)
        .execute(
            status -> {
              TrainingJob job = jobs.findById(id).orElseThrow();
              job.events().size();
              return job;
            });
  }
}
