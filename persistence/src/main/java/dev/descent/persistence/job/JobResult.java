package dev.descent.persistence.job;

import java.util.Objects;

/**
 * How a worker ended its attempt: the terminal status, for FAILED a code and message, and {@code stop} (null unless
 * early stopping or a rule ended the run) stored with it on the job and its timeline.
 */
public record JobResult(JobStatus status, String failureCode, String failureMessage, JobStop stop) {

  public JobResult {
    Objects.requireNonNull(status, "status");
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("a result must be terminal, was " + status);
    }
    if (status == JobStatus.FAILED) {
      Objects.requireNonNull(failureCode, "failureCode");
    }
  }

  public static JobResult succeeded() {
    return succeeded(null);
  }

  /** SUCCEEDED, stopped early by {@code stop} (null: it ran to its end). */
  public static JobResult succeeded(JobStop stop) {
    return new JobResult(JobStatus.SUCCEEDED, null, null, stop);
  }

  public static JobResult failed(String code, String message) {
    return failed(code, message, null);
  }

  /** FAILED, by {@code stop} (a rule) when not null. */
  public static JobResult failed(String code, String message, JobStop stop) {
    return new JobResult(JobStatus.FAILED, code, message, stop);
  }

  public static JobResult cancelled() {
    return new JobResult(JobStatus.CANCELLED, null, null, null);
  }
}
