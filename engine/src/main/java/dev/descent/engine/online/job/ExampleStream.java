package dev.descent.engine.online.job;

import dev.descent.engine.online.input.Example;

/** A replayable stream of {@code size} examples over {@code dimension} coordinates, always in the same order. */
public record ExampleStream(Iterable<Example> examples, long size, int dimension) {}
