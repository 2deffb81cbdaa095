package dev.descent.persistence.quota;

/** What a tenant uses now: claimed and queued jobs, stored checkpoint bytes and uploaded data-folder bytes. */
public record QuotaUsage(long runningJobs, long queuedJobs, long checkpointBytes, long dataBytes) {}
