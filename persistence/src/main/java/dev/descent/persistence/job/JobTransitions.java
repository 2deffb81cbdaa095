package dev.descent.persistence.job;

import static dev.descent.persistence.job.JobStatus.CANCELLED;
import static dev.descent.persistence.job.JobStatus.CANCELLING;
import static dev.descent.persistence.job.JobStatus.FAILED;
import static dev.descent.persistence.job.JobStatus.QUEUED;
import static dev.descent.persistence.job.JobStatus.RUNNING;
import static dev.descent.persistence.job.JobStatus.SUCCEEDED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of allowed status changes. A queued job is claimed or cancelled; a running job finishes, is asked to
 * cancel, or goes back to the queue when its worker is lost; a cancelling job ends cancelled, or as it ended anyway
 * when the run finished before it saw the request. Terminal states have no way out.
 */
public final class JobTransitions {

  private static final Map<JobStatus, Set<JobStatus>> ALLOWED =
      Map.of(
          QUEUED, EnumSet.of(RUNNING, CANCELLED),
          RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLING, QUEUED),
          CANCELLING, EnumSet.of(CANCELLED, SUCCEEDED, FAILED),
          SUCCEEDED, EnumSet.noneOf(JobStatus.class),
          FAILED, EnumSet.of(QUEUED),
          CANCELLED, EnumSet.of(QUEUED));

  private JobTransitions() {}

  /** True when a job in {@code from} may move to {@code to}. */
  public static boolean isAllowed(JobStatus from, JobStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** The statuses from which a job may move to {@code to}. */
  public static Set<JobStatus> sourcesOf(JobStatus to) {
    Set<JobStatus> sources = EnumSet.noneOf(JobStatus.class);
    ALLOWED.forEach((from, targets) -> {
      if (targets.contains(to)) {
        sources.add(from);
      }
    });
    return sources;
  }
}
