package dev.descent.engine.diagnostics;

/**
 * The check of one parameter block ({@code block}: layer index and parameter key, e.g. {@code 0:W}): how many of its
 * {@code size} entries were checked, the largest relative error |a − n| / (|a| + |n|) among them (0 where the absolute
 * difference is below {@link CentralDifferences#MIN_ABSOLUTE_ERROR}), the flat index within the block where it
 * occurred and the analytic and numeric derivatives there.
 */
public record BlockCheck(String block, long size, int checked, double maxRelativeError, long worstIndex,
    double analytic, double numeric, boolean passed) {}
