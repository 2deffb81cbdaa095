package dev.descent.persistence.job;

import java.util.Objects;

/** How a worker ended its attempt: the terminal status and, for FAILED, a code and message. */
public record JobResult(JobStatus status, String failureCode, String failureMessage) {

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
    return new JobResult(JobStatus.SUCCEEDED, null, null);
  }

  public static JobResult failed(String code, String message) {
    return new JobResult(JobStatus.FAILED, code, message);
  }

  public static JobResult cancelled() {
    return new JobResult(JobStatus.CANCELLED, null, null);
  }
}
