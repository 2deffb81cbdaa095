package dev.descent.persistence.study;

import java.time.Instant;

/**
 * A trial at an ASHA rung: the rung (0 = minEpochs), its epochs, the objective there, when the trial reached it, and
 * the decision ({@code promoted}, {@code pruned}, or null while it waits) with its time.
 */
public record RungView(int trial, int rung, int epochs, double value, Instant reachedAt, String decision,
    Instant decidedAt) {}
