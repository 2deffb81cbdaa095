package dev.descent.persistence.study;

import java.util.ArrayList;
import java.util.List;

/**
 * A study's PBT scheduler as stored (docs/studies.md): the population, the round length in epochs, the quantile that
 * exploits (and is exploited), the trials' epochs, the seed of its choices, the pointers an exploit copies, and the
 * mutations explore applies.
 */
public record PbtParams(int population, int interval, double quantile, int epochs, long sampleSeed,
    List<String> tracked, List<Mutation> mutations) {

  /** One mutated setting: the factors explore picks from, the bounds it is clipped to (null: none), integer or not. */
  public record Mutation(String pointer, List<Double> factors, Double low, Double high, boolean integral) {
    public Mutation {
      factors = List.copyOf(factors);
    }

    /** {@code value · factor}, clipped to the bounds, rounded when integral. */
    public double explore(double value, double factor) {
      double v = value * factor;
      v = low == null ? v : Math.max(low, v);
      v = high == null ? v : Math.min(high, v);
      return integral ? Math.round(v) : v;
    }
  }

  public PbtParams {
    tracked = List.copyOf(tracked);
    mutations = List.copyOf(mutations);
    if (population < 2 || interval < 1 || !(quantile > 0 && quantile <= 0.5) || epochs <= interval) {
      throw new IllegalArgumentException("bad PBT parameters " + population + ", " + interval + ", " + quantile
          + ", " + epochs);
    }
  }

  /** The rounds' ends in epochs: every multiple of the interval below the epochs. */
  public List<Integer> roundEnds() {
    List<Integer> out = new ArrayList<>();
    for (int e = interval; e < epochs; e += interval) {
      out.add(e);
    }
    return out;
  }
}
