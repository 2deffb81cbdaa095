package dev.descent.api.worker;

import static dev.descent.api.worker.JobChecks.assertFinishedAsIfUninterrupted;
import static dev.descent.api.worker.JobChecks.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL restarted under a running job: the test runs its own PostgreSQL, the service as a separate process over
 * it, and stops the database with {@code pg_ctl stop -m fast} for {@value #OUTAGE_SECONDS} s in the middle of a job,
 * then starts it again on the same port and data directory. The job's writers retry (metrics stay buffered,
 * checkpoints and the final state are written once the database is back); it ends SUCCEEDED with every metric
 * point once, no checkpoint twice, and the parameters of an uninterrupted run.
 */
class DatabaseRestartTests {
  static final int OUTAGE_SECONDS = 15;

  private final OwnPostgresService own = new OwnPostgresService();

  @AfterEach
  void cleanUp() throws IOException {
    own.close();
  }

  /**
   * Mid-training: the database is stopped at 20 % of a 48-epoch job for {@value #OUTAGE_SECONDS} s. At the end: it
   * is stopped at 20 % of a 16-epoch job and started again only once the job's end met the outage (its last metric
   * write, final report or finish failed and is being retried); this once stored two final checkpoints at one step.
   */
  @ParameterizedTest(name = "{0} epochs, the job ends during the outage: {1}")
  @CsvSource({"48, false", "16, true"})
  void aJobOutlivesARestartOfItsDatabase(int epochs, boolean endsInOutage) throws Exception {
    Path pgData = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-restart-");
    int dbPort = freePort();
    own.startPostgres(EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true).setPort(dbPort));
    String spec = JobChecks.digitsSpec(epochs);
    JobChecks.reference(spec);
    ServiceProcess service = own.startService("postgres");
    String id = JobChecks.submit(service, spec);
    JobChecks.awaitProgress(service, id, 0.2);

    long pid = Postmasters.pid(pgData).orElseThrow();
    Path pgCtl = Postmasters.binary(pid, "pg_ctl");
    run(pgCtl.toString(), "stop", "-D", pgData.toString(), "-m", "fast", "-w");
    Pattern end = Pattern.compile("Job " + id + ": (writing metrics|reporting the final state|finishing the job)"
        + " failed \\(try");
    if (endsInOutage) {
      await("the job's end meets the outage").atMost(Duration.ofMinutes(3))
          .until(() -> end.matcher(service.log()).find());
    } else {
      Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
    }
    run(pgCtl.toString(), "start", "-D", pgData.toString(), "-w", "-t", "120", "-l",
        pgData.resolveSibling(pgData.getFileName() + ".log").toString(), "-o", "-p " + dbPort);

    assertFinishedAsIfUninterrupted(service, id, spec);
    assertThat(service.log()).as("the writers met the outage and retried")
        .containsPattern("Writing metrics of job " + id + " failed|Job " + id + ": [a-z0-9- ]+ failed \\(try");
  }

  /** Runs a PostgreSQL tool as zonky does: in a user namespace ({@code unshare -U}), since they refuse root. */
  private static void run(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("unshare", "-U"));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(150, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
  }
}
