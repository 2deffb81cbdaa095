package dev.descent.api.idempotency;

/**
 * The {@code Idempotency-Key} header cannot be honoured: {@link Reason#INVALID} (its syntax; 400), {@link
 * Reason#REUSED} (sent before with a different request; 422) or {@link Reason#IN_FLIGHT} (its first request is still
 * running after the wait; 409).
 */
public class IdempotencyKeyException extends RuntimeException {
  /** Why the key was refused. */
  public enum Reason { INVALID, REUSED, IN_FLIGHT }

  private final Reason reason;

  IdempotencyKeyException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The header's name, as problems name it. */
  public static String header() {
    return IdempotencyFilter.HEADER;
  }
}
