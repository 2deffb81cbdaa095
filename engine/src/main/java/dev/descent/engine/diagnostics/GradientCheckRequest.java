package dev.descent.engine.diagnostics;

import dev.descent.engine.spec.TrainingSpec;

/**
 * A read gradient-check request: a spec carrying the model and the dataset its shapes come from, and either the
 * given {@code inputs}/{@code labels} or (both null) the first {@code rows} training samples of that dataset drawn by
 * the seed.
 */
record GradientCheckRequest(TrainingSpec spec, double[][] inputs, double[][] labels, int rows,
    CheckSettings settings) {}
