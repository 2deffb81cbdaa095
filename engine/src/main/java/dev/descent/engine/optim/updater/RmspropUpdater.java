package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The update rule of {@link RmspropConfig}, in one vectorized pass ({@link HeapChunks}) per variant (plain, centered,
 * momentum, both); libnd4j's ops for arrays it cannot run ({@link #applyFallback}).
 */
final class RmspropUpdater extends ChunkedUpdater<RmspropConfig> {
  static final String SQUARE_AVG = "square_avg";
  static final String GRAD_AVG = "grad_avg";
  static final String MOMENTUM_BUFFER = "momentum_buffer";

  RmspropUpdater(RmspropConfig config) {
    super(config, keys(config), floatKernel(config), doubleKernel(config));
  }

  /** The variant's float kernel; {@code k = {α, rest = 1 − α, eps, μ, lr}}. */
  private static Chunk<float[][], float[]> floatKernel(RmspropConfig c) {
    if (c.getMomentum() > 0) {
      return c.isCentered()
          ? (a, n, k) -> RmspropUpdaterFloats.centeredMomentum(a[0], a[1], a[2], a[3], n, k[0], k[1], k[2], k[3], k[4])
          : (a, n, k) -> RmspropUpdaterFloats.momentum(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4]);
    }
    return c.isCentered() ? (a, n, k) -> RmspropUpdaterFloats.centered(a[0], a[1], a[2], n, k[0], k[1], k[2], k[4])
        : (a, n, k) -> RmspropUpdaterFloats.plain(a[0], a[1], n, k[0], k[1], k[2], k[4]);
  }

  /** The variant's double kernel. */
  private static Chunk<double[][], double[]> doubleKernel(RmspropConfig c) {
    if (c.getMomentum() > 0) {
      return c.isCentered() ? (a, n, k) -> centeredMomentum(a[0], a[1], a[2], a[3], n, k[0], k[1], k[2], k[3], k[4])
          : (a, n, k) -> momentum(a[0], a[1], a[2], n, k[0], k[1], k[2], k[3], k[4]);
    }
    return c.isCentered() ? (a, n, k) -> centered(a[0], a[1], a[2], n, k[0], k[1], k[2], k[4])
        : (a, n, k) -> plain(a[0], a[1], n, k[0], k[1], k[2], k[4]);
  }

  static List<String> keys(RmspropConfig config) {
    List<String> keys = new ArrayList<>(List.of(SQUARE_AVG));
    if (config.isCentered()) {
      keys.add(GRAD_AVG);
    }
    if (config.getMomentum() > 0) {
      keys.add(MOMENTUM_BUFFER);
    }
    return keys;
  }

  /** {@code k = {α, rest = 1 − α, eps, μ, lr}}. */
  @Override
  protected double[] scalars(int iteration, int epoch) {
    RmspropConfig c = getConfig();
    return new double[] {c.getAlpha(), 1 - c.getAlpha(), c.getEps(), c.getMomentum(),
        c.getLearningRate(iteration, epoch)};
  }

  /** {@code v = αv + rest·g²}, {@code g = g/(√v + eps) · lr}. */
  static void plain(double[] g, double[] v, int n, double alpha, double rest, double eps, double lr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double vi = v[i] * alpha + rest * (gi * gi);
      v[i] = vi;
      g[i] = gi / (Math.sqrt(vi) + eps) * lr;
    }
  }

  /** Centered: also {@code ḡ = αḡ + rest·g}, and the root is {@code √(v − ḡ²)}. */
  static void centered(double[] g, double[] v, double[] avg, int n, double alpha, double rest, double eps,
      double lr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double vi = v[i] * alpha + rest * (gi * gi);
      double ai = avg[i] * alpha + rest * gi;
      v[i] = vi;
      avg[i] = ai;
      g[i] = gi / (Math.sqrt(vi - ai * ai) + eps) * lr;
    }
  }

  /** With momentum: {@code b = μb + g/(√v + eps)}, {@code g = b · lr}. */
  static void momentum(double[] g, double[] v, double[] b, int n, double alpha, double rest, double eps, double mu,
      double lr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double vi = v[i] * alpha + rest * (gi * gi);
      double bi = b[i] * mu + gi / (Math.sqrt(vi) + eps);
      v[i] = vi;
      b[i] = bi;
      g[i] = bi * lr;
    }
  }

  /** Centered with momentum. */
  static void centeredMomentum(double[] g, double[] v, double[] avg, double[] b, int n, double alpha, double rest,
      double eps, double mu, double lr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double vi = v[i] * alpha + rest * (gi * gi);
      double ai = avg[i] * alpha + rest * gi;
      double bi = b[i] * mu + gi / (Math.sqrt(vi - ai * ai) + eps);
      v[i] = vi;
      avg[i] = ai;
      b[i] = bi;
      g[i] = bi * lr;
    }
  }

  /** libnd4j's ops. */
  @Override
  protected void applyFallback(INDArray gradient, int iteration, double[] k) {
    double lr = k[4];
    RmspropConfig c = getConfig();
    double alpha = c.getAlpha();
    INDArray squareAvg = state(SQUARE_AVG);
    Ema.updateSquare(squareAvg, gradient, alpha);
    INDArray denominator;
    if (c.isCentered()) {
      INDArray gradAvg = state(GRAD_AVG);
      Ema.update(gradAvg, gradient, alpha);
      denominator = Transforms.sqrt(squareAvg.sub(gradAvg.mul(gradAvg)), false).addi(c.getEps());
    } else {
      denominator = Transforms.sqrt(squareAvg, true).addi(c.getEps());
    }
    gradient.divi(denominator);
    if (c.getMomentum() > 0) {
      INDArray buffer = state(MOMENTUM_BUFFER);
      buffer.muli(c.getMomentum()).addi(gradient);
      gradient.assign(buffer);
    }
    gradient.muli(lr);
  }
}
