package dev.descent.engine.diagnostics;

/**
 * The check of one parameter block ({@code block}: layer index and parameter key, e.g. {@code 0:W}): how many of its
 * {@code size} entries were checked, the relative error |a − n| / (|a| + |n|) of the worst of them, the flat index
 * within the block where it occurred and the analytic and numeric derivatives there. An entry whose absolute
 * difference is below {@link CentralDifferences#MIN_ABSOLUTE_ERROR} passes whatever its relative error; the worst
 * entry is a failing one if there is any.
 */
public record BlockCheck(String block, long size, int checked, double maxRelativeError, long worstIndex,
    double analytic, double numeric, boolean passed) {}
