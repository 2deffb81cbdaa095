package dev.descent.api.quota;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A request a tenant's quota refuses, nothing stored: 429 for queued jobs (with {@code Retry-After}), 422 for
 * checkpoint bytes, 413 for data-folder bytes. The problem names the quota ({@code "quota": "maxQueuedJobs"}).
 */
public final class QuotaExceededException extends RuntimeException {
  private final String quota;
  private final HttpStatus status;
  private final long limit;
  private final transient Duration retryAfter;

  QuotaExceededException(String quota, HttpStatus status, long limit, Duration retryAfter, String detail) {
    super(detail);
    this.quota = quota;
    this.status = status;
    this.limit = limit;
    this.retryAfter = retryAfter;
  }

  public String quota() {
    return quota;
  }

  public HttpStatus status() {
    return status;
  }

  public long limit() {
    return limit;
  }

  /** How long to wait before retrying; null when waiting does not help by itself. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
