package dev.descent.api.study;

/**
 * One row of a study's summary: an arm (and search point) over its seeds. See docs/studies.md for the definitions;
 * {@code pairedDifference} is null for the first arm and without arms.
 */
public record SummaryRow(String arm, Integer point, String valuesJson, int trials, Stat finalValue, Stat best,
    Stat meanLevel, Stat stepsToThreshold, Stat secondsToThreshold, int reached, int diverged,
    Stat pairedDifference) {}
