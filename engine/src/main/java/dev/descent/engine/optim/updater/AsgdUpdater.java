package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The update rule of {@link AsgdConfig}. */
final class AsgdUpdater extends StateUpdater<AsgdConfig> {
  static final String AX_OFFSET = "ax_offset";

  AsgdUpdater(AsgdConfig config) {
    super(config, List.of(AX_OFFSET));
  }

  /**
   * libnd4j's scalar and pairwise ops, not a {@link dev.descent.engine.kernel.HeapChunks} kernel: for this one-pass
   * rule they measured as fast at 10M parameters and faster at 1M, where the kernel's staging copies cost more than
   * the two extra passes (docs/bench-optim.md, 2026-12-07).
   */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AsgdConfig c = getConfig();
    int t = step(iteration);
    double lr = c.getLearningRate(iteration, epoch);
    double eta = lr / Math.pow(1 + c.getLambd() * lr * (t - 1), c.getAlpha());
    double mu = 1 / Math.max(1, t - 1 - c.getT0());
    gradient.muli(eta);
    INDArray offset = state(AX_OFFSET);
    offset.addi(gradient).muli(1 - mu);
  }
}
