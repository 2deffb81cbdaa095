package dev.descent.persistence.study;

import java.time.Instant;

/** One recorded value of a study's objective metric: its step, value (maybe non-finite) and when it was written. */
public record ObjectivePoint(long step, double value, Instant at) {}
