package dev.descent.persistence.job;

import static dev.descent.persistence.job.JobStatus.CANCELLED;
import static dev.descent.persistence.job.JobStatus.CANCELLING;
import static dev.descent.persistence.job.JobStatus.FAILED;
import static dev.descent.persistence.job.JobStatus.PAUSED;
import static dev.descent.persistence.job.JobStatus.PAUSING;
import static dev.descent.persistence.job.JobStatus.PRUNED;
import static dev.descent.persistence.job.JobStatus.QUEUED;
import static dev.descent.persistence.job.JobStatus.RUNNING;
import static dev.descent.persistence.job.JobStatus.SUCCEEDED;
import static dev.descent.persistence.job.JobStatus.WAITING;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one table of allowed status changes: each constant is a transition with the statuses it may start from and the
 * status it ends in. The entity ({@link TrainingJob}) checks its moves against it, and the SQL of {@link JobQueue} and
 * {@link ReapRule} is built from it ({@link #sourcesSql()}, {@link #targetSql()}), so no status rule is written twice.
 *
 * <p>A queued job is claimed, paused or cancelled; a running job finishes, is asked to cancel or pause, or goes back
 * to the queue when its worker is lost or hands it back; a cancelling job ends cancelled, or as it ended anyway when
 * the run finished before it saw the request. A pausing job checkpoints and ends paused (or as it ended anyway); a
 * paused job waits until a user unpauses it (back to the queue, in its old place) or cancels it. A SUCCEEDED job never
 * moves again; a user may resume a FAILED or CANCELLED one, which puts it back in the queue. A study's trial starts
 * WAITING until its study gives it a slot (queued), or is cancelled while it waits; an ASHA study promotes a
 * trial paused at a rung back to WAITING or prunes it (PRUNED, final).
 */
public enum JobTransitions {
  /** A worker takes a queued job ({@link JobQueue#claim}). */
  CLAIM(RUNNING, QUEUED),
  /** A user cancels a running job; its worker sees it at the next heartbeat. */
  REQUEST_CANCEL(CANCELLING, RUNNING),
  /** The study of a waiting trial gives it a slot (persistence.study's ticker): it joins the queue. */
  RELEASE_WAITING(QUEUED, WAITING),
  /**
   * A user cancels a queued, paused or waiting job (or its study), or the worker of a cancelling one stopped (or was
   * lost).
   */
  CANCEL(CANCELLED, QUEUED, CANCELLING, PAUSED, WAITING),
  /** A user pauses a running job; its worker sees it at the next heartbeat, checkpoints and lets it go. */
  REQUEST_PAUSE(PAUSING, RUNNING),
  /** A user pauses a queued job: it waits without running. */
  PAUSE(PAUSED, QUEUED),
  /** The worker of a pausing job checkpointed and released it (or was lost). */
  RELEASE_PAUSED(PAUSED, PAUSING),
  /** A user unpauses a paused job: back in the queue with its priority and age. */
  UNPAUSE(QUEUED, PAUSED),
  /** The run ended well, even when a cancel or pause came too late to stop it. */
  SUCCEED(SUCCEEDED, RUNNING, CANCELLING, PAUSING),
  /** The run failed, or its worker was lost once too often. */
  FAIL(FAILED, RUNNING, CANCELLING, PAUSING),
  /** A running job goes back to the queue: its worker was lost, or released it while stopping. */
  REQUEUE(QUEUED, RUNNING),
  /**
   * A study's ASHA scheduler promotes a trial paused at a rung: it waits for a study slot again (then
   * {@link #RELEASE_WAITING}) and continues from its checkpoint.
   */
  PROMOTE(WAITING, PAUSED),
  /** A study's ASHA scheduler ends a trial paused at a rung (or still waiting) without promoting it. */
  PRUNE(PRUNED, PAUSED, WAITING),
  /** A user resumes a failed or cancelled job. */
  RESUME(QUEUED, FAILED, CANCELLED);

  private final JobStatus target;
  private final Set<JobStatus> sources;

  JobTransitions(JobStatus target, JobStatus first, JobStatus... rest) {
    this.target = target;
    this.sources = Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  /** The status a job is in after this transition. */
  public JobStatus target() {
    return target;
  }

  /** The statuses this transition may start from. */
  public Set<JobStatus> sources() {
    return sources;
  }

  /** True when a job in {@code from} may take this transition. */
  public boolean allows(JobStatus from) {
    return sources.contains(from);
  }

  /** The one status this transition starts from; for SQL that records it as the event's {@code from_status}. */
  public JobStatus onlySource() {
    if (sources.size() != 1) {
      throw new IllegalStateException(this + " starts from several statuses: " + sources);
    }
    return sources.iterator().next();
  }

  /** The sources as an SQL list for {@code status IN (...)}, e.g. {@code 'RUNNING', 'CANCELLING'}. */
  public String sourcesSql() {
    return sqlList(sources);
  }

  /** The target as an SQL literal, e.g. {@code 'RUNNING'}. */
  public String targetSql() {
    return sqlList(Set.of(target));
  }

  /** True when some transition moves a job in {@code from} to {@code to}. */
  public static boolean isAllowed(JobStatus from, JobStatus to) {
    return Arrays.stream(values()).anyMatch(t -> t.target == to && t.allows(from));
  }

  /** The statuses from which a job may move to {@code to}, by any transition. */
  public static Set<JobStatus> sourcesOf(JobStatus to) {
    Set<JobStatus> sources = EnumSet.noneOf(JobStatus.class);
    for (JobTransitions transition : values()) {
      if (transition.target == to) {
        sources.addAll(transition.sources);
      }
    }
    return sources;
  }

  /** Statuses as an SQL list of literals, in declaration order (the names are plain identifiers). */
  public static String sqlList(Set<JobStatus> statuses) {
    return statuses.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
  }
}
