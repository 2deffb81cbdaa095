package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;

/** The steps of a step benchmark: {@code warmup} untimed steps, then {@code measured} timed ones. */
record StepBudget(int warmup, int measured) {

  int total() {
    return warmup + measured;
  }

  /**
   * Sets the process up as the product runs jobs ({@link NativeThreads#configureDefault}) and returns the steps to
   * time: {@code -Dbench.steps}, by default {@link #measured}.
   */
  int start() {
    NativeThreads.configureDefault();
    return BenchResult.intProperty("bench.steps", measured);
  }
}
