package dev.descent.engine.spi;

/**
 * Where a job is: {@code epoch} completed epochs so far (0-based epoch in progress), {@code iteration} updates done,
 * {@code totalIterations} the updates the whole job will make, {@code fraction} in [0, 1].
 */
public record Progress(int epoch, int epochs, long iteration, long totalIterations, double fraction) {}
