package dev.descent.engine.diagnostics;

/** How a check runs: the central-difference step, the pass tolerance, entries per block, and the sampling seed. */
record CheckSettings(double epsilon, double tolerance, int samples, long seed) {}
