package dev.descent.engine.training;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes the dropout masks of an update a function of (seed, iteration) only, as the minibatch order is of (seed,
 * epoch). DL4J's {@code Dropout} — of a {@code dropout} layer, a dense layer's {@code dropout}, and the inner layers
 * of a {@code residual} block alike — draws its masks from ND4J's per-thread generator ({@code Nd4j.getRandom()}),
 * which DL4J seeds only when it initializes a fresh network and which no checkpoint holds. Without a reseed the
 * masks after a resume would depend on whatever the resuming thread's generator had drawn before (another job, the
 * interrupted run, nothing). Reseeding before every update makes the masks of update {@code t} the same in an
 * uninterrupted run and in one resumed from any checkpoint, on any thread, in any process.
 */
final class DropoutMasks {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private DropoutMasks() {}

  /** Seeds the calling thread's ND4J generator for the update that follows {@code iteration} earlier ones. */
  static void seedFor(long seed, long iteration) {
    Nd4j.getRandom().setSeed(seedOf(seed, iteration));
  }

  /** SplitMix64 (Steele et al., OOPSLA 2014) of the {@code iteration}-th step from {@code seed}: distinct per t. */
  static long seedOf(long seed, long iteration) {
    long z = seed + GOLDEN_GAMMA * (iteration + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
