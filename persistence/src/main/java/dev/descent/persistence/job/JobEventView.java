package dev.descent.persistence.job;

import java.time.Instant;

/**
 * A timeline entry as callers see it; {@code from} is null for the submission. {@code kind} is {@value #STATUS} for a
 * status change and {@value #RULE} for a rule's firing (then {@code from} and {@code to} are both the job's status);
 * {@code detailJson} is the JSON object of a stop or a firing, else null.
 */
public record JobEventView(
    Instant at, int attempt, JobStatus from, JobStatus to, String reason, String kind, String detailJson) {
  public static final String STATUS = "status";
  public static final String RULE = "rule";

  /** A status change without detail. */
  public JobEventView(Instant at, int attempt, JobStatus from, JobStatus to, String reason) {
    this(at, attempt, from, to, reason, STATUS, null);
  }

  static JobEventView of(JobEvent event) {
    return new JobEventView(event.at(), event.attempt(), event.from(), event.to(), event.reason(), event.kind(),
        event.detail());
  }
}
