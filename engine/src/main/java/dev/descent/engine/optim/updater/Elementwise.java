package dev.descent.engine.optim.updater;

import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element-by-element helpers for the sign-driven rules (Rprop, delta-bar-delta): the float64 fallback reads arrays in
 * 'c' order into {@code double[]} and writes them back in place; {@link #sign} is {@code Math.signum} in a form the
 * JIT vectorizes inside the chunk kernels.
 */
final class Elementwise {
  /** 2¹²⁷: scaling twice by it takes the smallest float subnormal, 2⁻¹⁴⁹, past 1. */
  private static final float FLOAT_SCALE = 0x1p127f;
  /** 2¹⁰²³: scaling twice by it takes the smallest double subnormal, 2⁻¹⁰⁷⁴, past 1. */
  private static final double DOUBLE_SCALE = 0x1p1023;

  private Elementwise() {}

  /** Runs {@code loop} over float64 copies of the arrays, read in 'c' order, and writes the copies back in place. */
  static void update(INDArray[] arrays, Consumer<double[][]> loop) {
    double[][] copies = new double[arrays.length][];
    for (int j = 0; j < arrays.length; j++) {
      copies[j] = Nd4j.toFlattened('c', arrays[j]).toDoubleVector();
    }
    loop.accept(copies);
    for (int j = 0; j < arrays.length; j++) {
      arrays[j].assign(Nd4j.createFromArray(copies[j]).reshape('c', arrays[j].shape()));
    }
  }

  /**
   * {@code Math.signum(x)} exactly (±1, ±0, NaN for NaN) as multiplications and a clamp, which C2 vectorizes where it
   * leaves {@code signum} and comparisons scalar: any non-zero x scaled by 2²⁵⁴ is at least 1 in magnitude (or ±∞).
   */
  static float sign(float x) {
    return Math.min(Math.max(x * FLOAT_SCALE * FLOAT_SCALE, -1f), 1f);
  }

  /** {@link #sign(float)} for doubles. */
  static double sign(double x) {
    return Math.min(Math.max(x * DOUBLE_SCALE * DOUBLE_SCALE, -1d), 1d);
  }
}
