package dev.descent.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.support.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim across tenants: a tenant at its running-jobs quota does not hold up another tenant, tenants take turns,
 * the limit holds with concurrent claimers, and readers see only what their visibility allows.
 */
class JobQueueTenantQuotaTests extends QueueTestSupport {
  @Autowired PlatformTransactionManager transactionManager;
  private UUID tenantA;
  private UUID tenantB;

  @BeforeEach
  void tenants() {
    jdbc.sql("DELETE FROM tenant").update();
    tenantA = tenant("a", 1);
    tenantB = tenant("b", null);
  }

  @Test
  void aTenantAtItsRunningLimitDoesNotBlockAnotherTenant() {
    List<UUID> jobsOfA = List.of(submit(tenantA, 5), submit(tenantA, 5), submit(tenantA, 5));
    UUID b1 = submit(tenantB, 0);
    UUID b2 = submit(tenantB, 0);

    List<UUID> claimed = ids(queue.claim("worker-a", 10));

    assertThat(claimed).containsExactlyInAnyOrder(jobsOfA.get(0), b1, b2);
    assertThat(queue.claim("worker-a", 10)).as("A is at its limit of 1").isEmpty();
    service.finish(jobsOfA.get(0), "worker-a", JobResult.succeeded());
    assertThat(ids(queue.claim("worker-a", 10))).containsExactly(jobsOfA.get(1));
  }

  @Test
  void tenantsTakeTurnsBeforePriorityAndAge() {
    jdbc.sql("UPDATE tenant SET max_running_jobs = NULL").update();
    UUID a1 = submit(tenantA, 9);
    UUID a2 = submit(tenantA, 9);
    UUID a3 = submit(tenantA, 9);
    UUID b1 = submit(tenantB, 0);
    UUID b2 = submit(tenantB, 0);

    List<UUID> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      order.addAll(ids(queue.claim("worker-a", 1)));
    }

    assertThat(order).containsExactly(a1, b1, a2, b2, a3);
  }

  @Test
  void theServiceDefaultAppliesToTenantsWithoutTheirOwnLimitButNotToAdminJobs() {
    UUID b1 = submit(tenantB, 0);
    submit(tenantB, 0);
    UUID admin1 = submit(null, 0);
    UUID admin2 = submit(null, 0);

    assertThat(ids(queue.claim("worker-a", 10, 1))).containsExactlyInAnyOrder(b1, admin1, admin2);
  }

  @Test
  void theLimitHoldsWithConcurrentClaimers() throws Exception {
    jdbc.sql("UPDATE tenant SET max_running_jobs = 3 WHERE id = :id").param("id", tenantA).update();
    for (int i = 0; i < 40; i++) {
      submit(tenantA, 0);
    }
    int claimers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(claimers + 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> claims = new ArrayList<>();
    for (int c = 0; c < claimers; c++) {
      String worker = "worker-" + c;
      claims.add(pool.submit(() -> {
        start.await();
        int n = 0;
        for (int round = 0; round < 5; round++) {
          n += queue.claim(worker, 2).size();
        }
        return n;
      }));
    }
    claims.add(pool.submit(() -> { // new jobs of higher priority reorder the queue under the claimers
      start.await();
      for (int p = 1; p <= 20; p++) {
        submit(tenantA, p);
      }
      return 0;
    }));
    start.countDown();
    int total = 0;
    for (Future<Integer> f : claims) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(total).isEqualTo(3);
    assertThat(running(tenantA)).isEqualTo(3);
  }

  @Test
  void aClaimWaitsForAnOpenClaimSoThatItCountsItsPlace() throws Exception {
    jdbc.sql("UPDATE tenant SET max_running_jobs = 3 WHERE id = :id").param("id", tenantA).update();
    submit(tenantA, 0);
    submit(tenantA, 0);
    assertThat(queue.claim("worker-a", 2)).hasSize(2);
    submit(tenantA, 0);
    TransactionTemplate open = new TransactionTemplate(transactionManager);
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService first = Executors.newSingleThreadExecutor();
    Future<Integer> third = first.submit(() -> open.execute(status -> { // the third place, not yet committed
      int n = queue.claim("worker-b", 1).size();
      claimed.countDown();
      await(release);
      return n;
    }));
    claimed.await(30, TimeUnit.SECONDS);
    submit(tenantA, 9); // a job that now ranks first among the queued ones
    ExecutorService second = Executors.newSingleThreadExecutor();
    Future<Integer> fourth = second.submit(() -> queue.claim("worker-c", 1).size());
    Thread.sleep(500);
    release.countDown();

    assertThat(third.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(fourth.get(30, TimeUnit.SECONDS)).as("no fourth place").isZero();
    assertThat(running(tenantA)).isEqualTo(3);
    first.shutdown();
    second.shutdown();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void readersSeeOnlyWhatTheirVisibilityAllows() {
    UUID a = submit(tenantA, 0);
    UUID admin = submit(null, 0);

    assertThat(reader.find(a, Visibility.of(tenantA))).isPresent();
    assertThat(reader.find(a, Visibility.of(tenantB))).isEmpty();
    assertThat(reader.find(admin, Visibility.of(tenantA))).isEmpty();
    assertThat(reader.find(admin, Visibility.ALL)).isPresent();
    assertThat(reader.list(List.of(), null, 0, 10, false, Visibility.of(tenantB)).totalElements()).isZero();
    assertThat(reader.list(List.of(), null, 0, 10, true, Visibility.of(tenantA)).items())
        .extracting(JobView::id).containsExactly(a);
    assertThat(reader.list(List.of(), null, 5, 10, false, Visibility.ALL).totalElements()).isEqualTo(2);
  }

  private UUID tenant(String name, Integer maxRunning) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO tenant (id, name, created_at, max_running_jobs) VALUES (:id, :name, now(), :max)")
        .param("id", id).param("name", name + "-" + id).param("max", maxRunning).update();
    return id;
  }

  private UUID submit(UUID tenant, int priority) {
    return service.create(new NewJob("job", "{\"epochs\":1}", priority, 3).ownedBy(tenant)).id();
  }

  private long running(UUID tenant) {
    return jdbc.sql("SELECT count(*) FROM job WHERE tenant_id = :t AND status = 'RUNNING'").param("t", tenant)
        .query(Long.class).single();
  }

  private static List<UUID> ids(List<ClaimedJob> claimed) {
    return claimed.stream().map(ClaimedJob::id).toList();
  }
}
