package dev.descent.engine.fullbatch.linesearch;

/** The accepted step {@code t}, f and ∇f at x + t·d, and the evaluations the search spent. */
public record LineSearchResult(double f, double[] g, double t, int evaluations) {}
