package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Weights, step count and the last step size, shared by every algorithm, and their saving and restoring. */
abstract class AbstractLearner implements OnlineLearner {
  static final String WEIGHTS = "w";

  protected final WeightVector w;
  protected long t;
  protected double lastRate = Double.NaN;

  AbstractLearner(int dimension) {
    this.w = new WeightVector(dimension);
  }

  @Override
  public int dimension() {
    return w.dimension();
  }

  @Override
  public double margin(SparseVector x) {
    return x.dot(w.values());
  }

  @Override
  public double learningRate() {
    return lastRate;
  }

  @Override
  public double[] weights() {
    return w.values().clone();
  }

  @Override
  public int nonzeros() {
    return w.nonzeros();
  }

  @Override
  public long steps() {
    return t;
  }

  @Override
  public Map<String, double[]> state() {
    Map<String, double[]> state = new LinkedHashMap<>();
    state.put(WEIGHTS, weights());
    accumulators().forEach((name, values) -> state.put(name, values.clone()));
    return state;
  }

  @Override
  public void restore(long steps, Map<String, double[]> state) {
    Map<String, double[]> live = accumulators();
    if (!state.keySet().equals(union(live.keySet()))) {
      throw new IllegalArgumentException(
          "state holds " + state.keySet() + ", this learner needs " + union(live.keySet()));
    }
    double[] weights = checkedLength(state.get(WEIGHTS), WEIGHTS);
    for (int i = 0; i < weights.length; i++) {
      w.set(i, weights[i]);
    }
    live.forEach((name, values) -> {
      double[] saved = checkedLength(state.get(name), name);
      System.arraycopy(saved, 0, values, 0, values.length);
    });
    t = steps;
    lastRate = Double.NaN;
  }

  /** The algorithm's own state arrays, live, by name (empty when the weights are all it keeps). */
  protected Map<String, double[]> accumulators() {
    return Map.of();
  }

  /** Counts the step and takes a gradient step at the decaying rate {@code η_t = eta/√t}, which it returns. */
  protected double decayingStep(SparseVector x, double lossSlope, double eta) {
    t++;
    lastRate = eta / Math.sqrt(t);
    gradientStep(x, lossSlope, lastRate);
    return lastRate;
  }

  /** {@code w_i ← w_i − eta·lossSlope·x_i} on the coordinates of {@code x}. */
  protected void gradientStep(SparseVector x, double lossSlope, double eta) {
    double scaled = eta * lossSlope;
    int[] indices = x.indices();
    double[] values = x.values();
    for (int j = 0; j < indices.length; j++) {
      w.set(indices[j], w.get(indices[j]) - scaled * values[j]);
    }
  }

  private double[] checkedLength(double[] values, String name) {
    if (values.length != w.dimension()) {
      throw new IllegalArgumentException(name + " has " + values.length + " values, dimension is " + w.dimension());
    }
    return values;
  }

  private static Set<String> union(Set<String> accumulatorNames) {
    Set<String> names = new HashSet<>(accumulatorNames);
    names.add(WEIGHTS);
    return names;
  }

  /** {@code value}, checked to be ≥ 0. */
  static double nonNegative(double value, String name) {
    if (!(value >= 0.0)) {
      throw new IllegalArgumentException(name + " must be >= 0");
    }
    return value;
  }

  /** {@code value}, checked to be finite and > 0. */
  static double positive(double value, String name) {
    if (!(value > 0.0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be a finite number > 0");
    }
    return value;
  }
}
