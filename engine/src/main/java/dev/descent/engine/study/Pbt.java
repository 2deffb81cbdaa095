package dev.descent.engine.study;

import java.util.ArrayList;
import java.util.List;

/**
 * Population-based training (Jaderberg et al. 2017, "Population Based Training of Neural Networks",
 * arXiv:1711.09846): {@code population} trials train together for the base's {@code epochs} in rounds of
 * {@code interval} epochs. Every member pauses at each round's end ({@link #pauses}); once every live member has,
 * the study ticker ranks them by the objective there and each member of the bottom {@code quantile} <em>exploits</em>
 * one of the top {@code quantile} (continues from a copy of its checkpoint, with its hyperparameters) and
 * <em>explores</em> (each mutated value multiplied by one of its {@code factors}, clipped to {@code low}..{@code high}
 * where the search space bounds it). {@code tracked}: the pointers an exploit copies (searched or mutated).
 */
public record Pbt(int population, int interval, double quantile, int epochs, long sampleSeed,
    List<Mutation> mutations, List<String> tracked) implements PauseSchedule {
  public static final String TYPE = "pbt";

  /**
   * One mutated setting: its pointer, the factors explore picks from, the search space's bounds (null where it sets
   * none) and whether the value is an integer (rounded after each multiplication).
   */
  public record Mutation(String pointer, List<Double> factors, Double low, Double high, boolean integral) {
    public Mutation {
      factors = List.copyOf(factors);
    }
  }

  public Pbt {
    mutations = List.copyOf(mutations);
    tracked = List.copyOf(tracked);
  }

  @Override
  public Integer fixedEpochs() {
    return null;
  }

  /** The rounds' ends: every multiple of {@code interval} below {@code epochs}. */
  @Override
  public List<Integer> pauses() {
    List<Integer> out = new ArrayList<>();
    for (int e = interval; e < epochs; e += interval) {
      out.add(e);
    }
    return out;
  }
}
