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

/** One status change in a job's timeline: when, in which attempt, from what to what, and why. */
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

  protected JobEvent() {}

  JobEvent(TrainingJob job, Instant at, int attempt, JobStatus from, JobStatus to, String reason) {
    this.job = job;
    this.at = at;
    this.attempt = attempt;
    this.from = from;
    this.to = to;
    this.reason = reason;
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
}
