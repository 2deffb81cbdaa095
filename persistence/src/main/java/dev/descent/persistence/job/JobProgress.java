package dev.descent.persistence.job;

/**
 * Where a running job reported itself last: the epoch in progress (0-based) of {@code epochs}, the updates done of
 * {@code totalIterations}, and the fraction done in [0, 1]. Written by {@link JobQueue#heartbeat}.
 */
public record JobProgress(int epoch, int epochs, long iteration, long totalIterations, double fraction) {}
