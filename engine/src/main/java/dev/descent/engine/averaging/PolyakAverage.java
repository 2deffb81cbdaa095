package dev.descent.engine.averaging;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One running average θ̂ of the flat parameter vector, kept in the parameters' own data type. It starts at the first
 * iteration {@code t ≥ start} with θ̂ = θ_t; every later update is the in-place blend θ̂ ← w·θ̂ + (1 − w)·θ_t, with
 * the weight w chosen by the subclass, computed as two in-place operations on preallocated arrays (no allocation).
 * The average covers the WHOLE flat vector, so running statistics a layer keeps among its parameters (batch
 * normalization's mean and variance) are averaged like the weights rather than recomputed.
 */
public abstract class PolyakAverage {
  private final String kind;
  private final long start;
  private final INDArray average;
  private long count;

  PolyakAverage(String kind, long start, INDArray parameters) {
    this.kind = kind;
    this.start = start;
    this.average = Nd4j.createUninitialized(parameters.dataType(), parameters.shape());
  }

  /** The checkpoint kind and metric suffix, e.g. {@code polyak-ema}. */
  public String kind() {
    return kind;
  }

  /** Folds in the parameters after iteration {@code iteration} (1-based); does nothing before {@code start}. */
  public void update(INDArray parameters, long iteration) {
    if (iteration < start) {
      return;
    }
    if (count == 0) {
      average.assign(parameters);
    } else {
      double w = weight(count);
      average.muli(w);
      Nd4j.getBlasWrapper().level1().axpy(average.length(), 1 - w, parameters, average);
    }
    count++;
  }

  /** The weight of the old average when the {@code (n+1)}-th iterate is folded in ({@code n ≥ 1}). */
  abstract double weight(long n);

  /** The number of iterates folded in so far. */
  public long count() {
    return count;
  }

  /** The average itself (a live view; copy before keeping it). */
  public INDArray average() {
    return average;
  }

  void restore(long restoredCount, INDArray restored) {
    this.count = restoredCount;
    average.assign(restored);
  }
}
