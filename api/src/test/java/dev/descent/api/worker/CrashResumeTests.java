package dev.descent.api.worker;

import static dev.descent.api.worker.JobChecks.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.testing.PostgresTestDatabase;
import java.io.IOException;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No training is lost when the service dies, on an external database: the real service runs as a separate process,
 * is killed with SIGKILL mid-job, and a second process requeues the job (stale heartbeat), resumes it from its last
 * checkpoint and finishes it — with the same final parameters as an uninterrupted run and a metric history without
 * gaps or duplicates ({@link JobChecks}). The embedded database's own kill -9 path is {@link KillAndStopTests}.
 */
class CrashResumeTests {
  private final List<ServiceProcess> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(ServiceProcess::kill);
  }

  @Test
  void aJobSurvivesKillDashNineAndEndsAsIfUninterrupted() throws Exception {
    killAndResume(JobChecks.digitsSpec(16), 0.4);
  }

  @Test
  void aPhasedJobWithEarlyStoppingSurvivesKillDashNineInItsSecondPhase() throws Exception {
    // phase 1 (SGD) starts at update 270 of 3 x 90 + 12 x 23 = 546
    killAndResume(JobChecks.phasedDigitsSpec(3, 12), 0.55);
  }

  @Test
  void aPretrainedJobSurvivesKillDashNineInsideItsSecondStage() throws Exception {
    // Stage 2 runs updates 361..720 of 2 x 360 + 360 = 1080 (fractions 0.33..0.67), checkpoints at 460, 560, 660.
    killAndResume(JobChecks.pretrainedDigitsSpec(4, 4), 0.45);
  }

  @Test
  void aCurriculumJobSurvivesKillDashNineWhileItsSubsetsGrow() throws Exception {
    // the subsets grow over epochs 0..5 of 10; 0.35 of the updates falls inside that growth
    killAndResume(JobChecks.curriculumDigitsSpec(10, 6), 0.35);
  }

  /**
   * Submits {@code spec} to a first process, kills it with SIGKILL once the job has made {@code fraction} of its
   * updates, and lets a second process on the same database finish it as if uninterrupted, in its second attempt.
   */
  private void killAndResume(String spec, double fraction) throws Exception {
    String database = freshDatabase();

    ServiceProcess first = start(database);
    String id = JobChecks.submit(first, spec);
    JobChecks.awaitProgress(first, id, fraction);
    first.kill();

    ServiceProcess second = start(database);
    JobChecks.assertFinishedAsIfUninterrupted(second, id, spec);
    assertThat(JobChecks.job(second, id).get("attempt").asInt()).isEqualTo(2);
  }

  private ServiceProcess start(String database) throws IOException {
    ServiceProcess process = ServiceProcess.start(database, freePort(), PostgresTestDatabase.get());
    processes.add(process);
    process.awaitHealthy(Duration.ofMinutes(4));
    return process;
  }

  private static String freshDatabase() throws Exception {
    PostgresTestDatabase db = PostgresTestDatabase.get();
    String name = "crash_" + UUID.randomUUID().toString().replace("-", "");
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return name;
  }
}
