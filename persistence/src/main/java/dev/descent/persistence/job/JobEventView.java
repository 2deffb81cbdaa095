package dev.descent.persistence.job;

import java.time.Instant;

/** A timeline entry as callers see it; {@code from} is null for the submission. */
public record JobEventView(Instant at, int attempt, JobStatus from, JobStatus to, String reason) {

  static JobEventView of(JobEvent event) {
    return new JobEventView(event.at(), event.attempt(), event.from(), event.to(), event.reason());
  }
}
