package dev.descent.engine.online.input;

/** One labelled sample of an online stream: features {@code x} and target {@code y}. */
public record Example(SparseVector x, double y) {}
