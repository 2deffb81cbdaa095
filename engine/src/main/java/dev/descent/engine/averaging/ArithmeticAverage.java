package dev.descent.engine.averaging;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arithmetic Polyak–Ruppert average θ̂_t = (1/n) Σ_{i=t0}^{t} θ_i of the n iterates since {@code start} = t0
 * (Polyak &amp; Juditsky 1992, eq. 3), kept incrementally: θ̂ ← ((n − 1)/n)·θ̂ + (1/n)·θ_t.
 */
public final class ArithmeticAverage extends PolyakAverage {

  public ArithmeticAverage(String kind, long start, INDArray parameters) {
    super(kind, start, parameters);
  }

  @Override
  double weight(long n) {
    return (double) n / (n + 1);
  }
}
