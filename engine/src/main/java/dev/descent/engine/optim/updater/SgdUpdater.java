package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The update rule of {@link SgdConfig}: with momentum in one vectorized pass ({@link HeapChunks}); arrays it cannot
 * run go through libnd4j ({@link #applyNative}, where {@code Axpy(x, y, z, a)} is {@code z = a·x + y}, fused). The
 * first step's {@code b_1 = g_1} is the general step with {@code μ = 0} and no dampening. Plain SGD stays libnd4j's
 * scalar multiply, which measured faster than the kernel's staging copies at 1M parameters (docs/bench-optim.md).
 */
final class SgdUpdater extends StateUpdater<SgdConfig> {
  static final String MOMENTUM_BUFFER = "momentum_buffer";

  SgdUpdater(SgdConfig config) {
    super(config, config.usesMomentum() ? List.of(MOMENTUM_BUFFER) : List.of());
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    SgdConfig c = getConfig();
    double lr = c.getLearningRate(iteration, epoch);
    if (!c.usesMomentum()) {
      gradient.muli(lr);
      return;
    }
    double mu = c.momentumAt(iteration, epoch);
    INDArray buffer = state(MOMENTUM_BUFFER);
    if (!HeapChunks.supports(gradient, buffer)) {
      applyNative(gradient, iteration, lr, mu);
      return;
    }
    double decay = iteration == 0 ? 0 : mu;
    double weight = iteration == 0 ? 1 : 1 - c.getDampening();
    if (c.isNesterov()) {
      HeapChunks.run(
          (a, n) -> SgdUpdaterFloats.nesterov(a[0], a[1], n, (float) decay, (float) weight, (float) mu, (float) lr),
          (a, n) -> nesterov(a[0], a[1], n, decay, weight, mu, lr), gradient, buffer);
    } else {
      HeapChunks.run((a, n) -> SgdUpdaterFloats.momentum(a[0], a[1], n, (float) decay, (float) weight, (float) lr),
          (a, n) -> momentum(a[0], a[1], n, decay, weight, lr), gradient, buffer);
    }
  }

  /** One chunk: {@code b = decay·b + weight·g}, {@code g = lr·b}. */
  static void momentum(double[] g, double[] b, int n, double decay, double weight, double lr) {
    for (int i = 0; i < n; i++) {
      double bi = weight * g[i] + b[i] * decay;
      b[i] = bi;
      g[i] = bi * lr;
    }
  }

  /** One chunk: {@code b = decay·b + weight·g}, {@code g = lr·(g + μb)}. */
  static void nesterov(double[] g, double[] b, int n, double decay, double weight, double mu, double lr) {
    for (int i = 0; i < n; i++) {
      double gi = g[i];
      double bi = weight * gi + b[i] * decay;
      b[i] = bi;
      g[i] = (mu * bi + gi) * lr;
    }
  }

  /** libnd4j's ops, for arrays {@link HeapChunks} cannot run. */
  private void applyNative(INDArray gradient, int iteration, double lr, double mu) {
    SgdConfig c = getConfig();
    INDArray buffer = state(MOMENTUM_BUFFER);
    if (iteration == 0) {
      buffer.assign(gradient);
    } else {
      Nd4j.exec(new Axpy(gradient, buffer.muli(mu), buffer, 1 - c.getDampening()));
    }
    if (c.isNesterov()) {
      Nd4j.exec(new Axpy(buffer, gradient, gradient, mu));
    } else {
      gradient.assign(buffer);
    }
    gradient.muli(lr);
  }
}
