package dev.descent.api.quota;

import dev.descent.persistence.quota.QuotaLimits;
import dev.descent.persistence.quota.QuotaStore;
import dev.descent.persistence.quota.QuotaUsage;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quotas of tenants: their own ({@link QuotaStore}) over the service defaults ({@link QuotaProperties}), and the
 * checks made before anything is stored ({@link #admit}: atomic per tenant). A null tenant (an admin key) has no quota.
 * The running-jobs quota is kept by the claim ({@code JobQueue.claim}), not here.
 */
@Service
public record Quotas(QuotaStore store, QuotaProperties defaults, JsonMapper json, TransactionOperations transactions) {

  /** The tenant's quotas in effect (its own, else the defaults); empty when there is no such tenant. */
  public Optional<QuotaLimits> effective(UUID tenant) {
    return store.limits(tenant).map(own -> own.orElse(defaults.limits()));
  }

  /** The tenant's own quotas (null ones: the defaults); empty when there is no such tenant. */
  public Optional<QuotaLimits> own(UUID tenant) {
    return store.limits(tenant);
  }

  /**
   * Replaces the tenant's own quotas with those of a request body ({@link QuotaRequests}; a problem at its pointer
   * when it is invalid, nothing stored); the quotas now, empty when there is no such tenant.
   */
  public Optional<QuotaLimits> set(UUID tenant, String body) {
    QuotaLimits limits = QuotaRequests.read(json, body);
    return store.set(tenant, limits) ? Optional.of(limits) : Optional.empty();
  }

  /**
   * Stores a new job or study of {@code tenant} with {@code store} unless the tenant is at a submit quota
   * ({@link #checkSubmit}); the check and the store are one transaction holding the tenant's lock
   * ({@link QuotaStore#lock}), so concurrent submits never take a tenant past its quota.
   */
  public <T> T admit(UUID tenant, Supplier<T> store) {
    return locked(tenant, () -> {
      checkSubmit(tenant);
      return store.get();
    });
  }

  /**
   * Runs {@code work} in one transaction holding {@code tenant}'s quota lock ({@link QuotaStore#lock}), so that a
   * quota check and what it admits are one step per tenant; an admin (null) has no quota and no lock.
   */
  public <T> T locked(UUID tenant, Supplier<T> work) {
    if (tenant == null) {
      return work.get();
    }
    return transactions.execute(status -> {
      store.lock(tenant);
      return work.get();
    });
  }

  /** Refuses a new job (or study) of {@code tenant}: 429 at its queued-jobs quota, 422 at its checkpoint bytes. */
  public void checkSubmit(UUID tenant) {
    if (tenant == null) {
      return;
    }
    QuotaLimits limits = effective(tenant).orElse(defaults.limits());
    QuotaUsage usage = store.usage(tenant);
    if (limits.maxQueuedJobs() != null && usage.queuedJobs() >= limits.maxQueuedJobs()) {
      throw new QuotaExceededException("maxQueuedJobs", HttpStatus.TOO_MANY_REQUESTS, limits.maxQueuedJobs(),
          defaults.retryAfter(), "the tenant has " + usage.queuedJobs() + " queued jobs, its quota maxQueuedJobs is "
          + limits.maxQueuedJobs() + "; retry when some have started");
    }
    if (limits.maxCheckpointBytes() != null && usage.checkpointBytes() >= limits.maxCheckpointBytes()) {
      throw new QuotaExceededException("maxCheckpointBytes", HttpStatus.UNPROCESSABLE_CONTENT,
          limits.maxCheckpointBytes(), null, "the tenant's checkpoints take " + usage.checkpointBytes()
          + " bytes, its quota maxCheckpointBytes is " + limits.maxCheckpointBytes()
          + "; delete jobs or ask for a larger quota");
    }
  }

  /**
   * How many more bytes {@code tenant} may upload when {@code replacing} bytes of its own are replaced; {@link
   * Long#MAX_VALUE} without a quota.
   */
  public long dataBytesLeft(UUID tenant, long replacing) {
    if (tenant == null) {
      return Long.MAX_VALUE;
    }
    Long max = effective(tenant).orElse(defaults.limits()).maxDataBytes();
    return max == null ? Long.MAX_VALUE : Math.max(0, max - store.usage(tenant).dataBytes() + replacing);
  }

  /** The 413 of an upload over {@code left} bytes of the data-folder quota. */
  public QuotaExceededException dataQuotaExceeded(UUID tenant, long left) {
    Long max = effective(tenant).orElse(defaults.limits()).maxDataBytes();
    return new QuotaExceededException("maxDataBytes", HttpStatus.CONTENT_TOO_LARGE, max == null ? 0 : max, null,
        "the upload is larger than the " + left + " bytes left of the tenant's quota maxDataBytes (" + max + ")");
  }
}
