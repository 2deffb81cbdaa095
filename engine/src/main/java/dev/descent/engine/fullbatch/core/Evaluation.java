package dev.descent.engine.fullbatch.core;

/** One evaluation of an {@link Objective}: the value {@code f} and the gradient {@code g} at a point. */
public record Evaluation(double f, double[] g) {}
