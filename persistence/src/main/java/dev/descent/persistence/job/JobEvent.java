package dev.descent.persistence.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of a job's timeline: when, in which attempt, from what to what, and why; {@code kind} {@code status} for a
 * status change (the ones this entity makes; rule firings are inserted by {@link JobQueue#annotate}), {@code detail}
 * the JSON of a stop (early stopping, a rule) when there is one.
 */
@Entity
@Table(name = "job_event")
public class JobEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "job_id", updatable = false)
  private TrainingJob job;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(nullable = false, updatable = false)
  private int attempt;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", updatable = false)
  private JobStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, updatable = false)
  private JobStatus to;

  @Column(nullable = false, updatable = false)
  private String reason;

  @Column(nullable = false, updatable = false)
  private String kind = JobEventView.STATUS;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(updatable = false)
  private String detail;

  protected JobEvent() {}

  JobEvent(TrainingJob job, Instant at, int attempt, JobStatus from, JobStatus to, String reason, String detail) {
    this.job = job;
    this.at = at;
    this.attempt = attempt;
    this.from = from;
    this.to = to;
    this.reason = reason;
    this.detail = detail;
  }

  public Instant at() {
    return at;
  }

  public int attempt() {
    return attempt;
  }

  /** Null for the event that created the job. */
  public JobStatus from() {
    return from;
  }

  public JobStatus to() {
    return to;
  }

  public String reason() {
    return reason;
  }

  /** {@code status} or {@code rule} ({@link JobEventView#STATUS}, {@link JobEventView#RULE}). */
  public String kind() {
    return kind;
  }

  /** The JSON object of a stop or a rule's firing, or null. */
  public String detail() {
    return detail;
  }
}
