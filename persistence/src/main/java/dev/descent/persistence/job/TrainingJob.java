package dev.descent.persistence.job;

import dev.descent.persistence.support.MetricMaps;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A training job. The user's and the finishing worker's changes go through the guarded methods below, each one
 * transition of {@link JobTransitions}, checked against its sources and recorded as a {@link JobEvent}; claims,
 * releases and reaps are single SQL statements in {@link JobQueue}, built from the same table. Progress and latest
 * metrics belong to the worker ({@link JobQueue#heartbeat}) and are read-only here; {@link DynamicUpdate} keeps entity
 * writes off those columns. A new job has a null {@code version}, which is how Spring Data tells it apart from a
 * stored one.
 */
@Entity
@Table(name = "job")
@DynamicUpdate
public class TrainingJob {

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private JobStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  private String spec;

  @Column(nullable = false, updatable = false)
  private String name;

  private int priority;
  private int attempt;
  private int maxAttempts;
  private String claimedBy;
  private Instant heartbeatAt;
  @Version private Long version;

  @Column(nullable = false, updatable = false)
  private Instant createdAt;

  private Instant startedAt;
  private Instant finishedAt;

  @Column(updatable = false)
  private UUID studyId;

  @Column(updatable = false)
  private UUID tenantId;

  @Column(insertable = false, updatable = false)
  private Instant queuedAt;

  private String failureCode;
  private String failureMessage;
  private String stopReason;

  @JdbcTypeCode(SqlTypes.JSON)
  private String stopDetail;

  @Embedded private JobProgress progress;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(insertable = false, updatable = false)
  private Map<String, Object> latestMetrics;

  @OneToMany(mappedBy = "job", cascade = {CascadeType.PERSIST, CascadeType.MERGE})
  @OrderBy("id")
  @BatchSize(size = 64)
  private List<JobEvent> events = new ArrayList<>();

  protected TrainingJob() {}

  /** A new QUEUED job (WAITING when it is a study's trial), with the event that records its submission. */
  public static TrainingJob submit(UUID id, NewJob job, Instant at) {
    TrainingJob created = new TrainingJob();
    created.id = id;
    created.status = job.studyId() == null ? JobStatus.QUEUED : JobStatus.WAITING;
    created.studyId = job.studyId();
    created.tenantId = job.tenantId();
    created.name = job.name();
    created.spec = job.specJson();
    created.priority = job.priority();
    created.maxAttempts = job.maxAttempts();
    created.createdAt = at;
    created.events.add(new JobEvent(created, at, 0, null, created.status, "submitted", null));
    return created;
  }

  /** RUNNING → CANCELLING: the worker sees it at its next heartbeat and stops. */
  public void requestCancel(Instant at, String reason) {
    move(JobTransitions.REQUEST_CANCEL, at, reason);
  }

  /** RUNNING → PAUSING: the worker sees it at its next heartbeat, checkpoints and lets the job go as PAUSED. */
  public void requestPause(Instant at, String reason) {
    requestPause(at, reason, null);
  }

  /** RUNNING → PAUSING with the JSON detail of what asked for it (a rule's firing), shown on the timeline. */
  public void requestPause(Instant at, String reason, String detailJson) {
    move(JobTransitions.REQUEST_PAUSE, at, reason, detailJson);
  }

  /** QUEUED → PAUSED at once: the job waits without running. */
  public void pause(Instant at, String reason) {
    move(JobTransitions.PAUSE, at, reason);
  }

  /** PAUSED → QUEUED with its priority and creation time unchanged, so it keeps its place in the queue. */
  public void unpause(Instant at, String reason) {
    move(JobTransitions.UNPAUSE, at, reason);
  }

  /** RUNNING or CANCELLING → SUCCEEDED: the run ended well. */
  public void markSucceeded(Instant at) {
    markSucceeded(at, null);
  }

  /**
   * RUNNING or CANCELLING → SUCCEEDED, stopped early by {@code stop} (null: ran to its end), which the job and the
   * event keep.
   */
  public void markSucceeded(Instant at, JobStop stop) {
    move(JobTransitions.SUCCEED, at, stop == null ? "completed" : "completed: " + stop.description(), detail(stop));
    stopped(stop);
  }

  /** RUNNING or CANCELLING → FAILED with the run's failure code and message. */
  public void markFailed(String code, String message, Instant at) {
    markFailed(code, message, at, null);
  }

  /** RUNNING or CANCELLING → FAILED with the run's failure code and message, and the rule that failed it if any. */
  public void markFailed(String code, String message, Instant at, JobStop stop) {
    move(JobTransitions.FAIL, at, code + ": " + message, detail(stop));
    failureCode = code;
    failureMessage = message;
    stopped(stop);
  }

  private void stopped(JobStop stop) {
    stopReason = stop == null ? null : stop.reason();
    stopDetail = detail(stop);
  }

  private static String detail(JobStop stop) {
    return stop == null ? null : stop.detailJson();
  }

  /** QUEUED → CANCELLED at once, or CANCELLING → CANCELLED when the worker has stopped. */
  public void markCancelled(Instant at, String reason) {
    move(JobTransitions.CANCEL, at, reason);
  }

  /**
   * FAILED or CANCELLED → QUEUED on a user's request, with a possibly changed spec: the next claim continues from the
   * job's latest checkpoint, with a fresh budget of {@code maxAttempts} claims.
   */
  public void resume(String newSpec, int attemptsBudget, Instant at, String reason) {
    move(JobTransitions.RESUME, at, reason);
    spec = newSpec;
    maxAttempts = attempt + attemptsBudget;
    claimedBy = null;
    heartbeatAt = null;
    finishedAt = null;
    failureCode = null;
    failureMessage = null;
    stopped(null);
  }

  private void move(JobTransitions transition, Instant at, String reason) {
    move(transition, at, reason, null);
  }

  private void move(JobTransitions transition, Instant at, String reason, String detailJson) {
    JobStatus to = transition.target();
    if (!transition.allows(status)) {
      throw new IllegalTransitionException(id, status, to);
    }
    events.add(new JobEvent(this, at, attempt, status, to, reason, detailJson));
    status = to;
    if (to.isTerminal()) {
      finishedAt = at;
    }
  }

  public UUID id() {
    return id;
  }

  public JobStatus status() {
    return status;
  }

  /** The spec as JSON text. */
  public String spec() {
    return spec;
  }

  public String name() {
    return name;
  }

  public int priority() {
    return priority;
  }

  /** How many times the job was claimed; 0 while it never ran. */
  public int attempt() {
    return attempt;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** The worker that holds or last held the job; null while queued. */
  public String claimedBy() {
    return claimedBy;
  }

  public Instant heartbeatAt() {
    return heartbeatAt;
  }

  /** The optimistic-locking version; null until the job is first stored. */
  public Long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  /** The study this job is a trial of; null for a single job. */
  public UUID studyId() {
    return studyId;
  }

  /** When a study's trial last joined the queue (its place there); null for single jobs. */
  public Instant queuedAt() {
    return queuedAt;
  }

  public String failureCode() {
    return failureCode;
  }

  public String failureMessage() {
    return failureMessage;
  }

  /** {@code early_stopping} or {@code rule} when one of them ended the run ({@link JobStop}); else null. */
  public String stopReason() {
    return stopReason;
  }

  /** The JSON object of the stop, or null. */
  public String stopDetail() {
    return stopDetail;
  }

  /** The last reported progress, or null before the first heartbeat that carried one. */
  public JobProgress progress() {
    return progress;
  }

  /** Metric name → last reported value; non-finite values come back as NaN or ±Infinity. */
  public Map<String, Double> latestMetrics() {
    return MetricMaps.fromJson(latestMetrics);
  }

  /** The timeline, oldest first. */
  public List<JobEvent> events() {
    return Collections.unmodifiableList(events);
  }
}
