package dev.descent.persistence.job;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a running job reported itself last: the epoch in progress (0-based) of {@code epochs}, the updates done of
 * {@code totalIterations}, and the fraction done in [0, 1]. Written by {@link JobQueue#heartbeat} only, so the
 * entity maps these columns read-only.
 */
@Embeddable
public record JobProgress(
    @Column(insertable = false, updatable = false) int epoch,
    @Column(insertable = false, updatable = false) int epochs,
    @Column(insertable = false, updatable = false) long iteration,
    @Column(name = "total_iterations", insertable = false, updatable = false) long totalIterations,
    @Column(insertable = false, updatable = false) double fraction) {}
