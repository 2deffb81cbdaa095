package dev.descent.engine.online;

/** How an online run ended: steps trained, the final mean progressive loss and non-zero count. */
public record OnlineResult(long steps, double progressiveLossAverage, int nonzeros, boolean cancelled) {}
