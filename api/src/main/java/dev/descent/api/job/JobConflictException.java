package dev.descent.api.job;

/** The job's state does not allow what was asked (e.g. cancelling a finished job). */
public class JobConflictException extends RuntimeException {
  public JobConflictException(String message) {
    super(message);
  }
}
