package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AmsGradUpdater;
import org.nd4j.linalg.factory.Nd4j;

/** The update rule of {@link AdamConfig}. */
final class AdamUpdater extends StateUpdater<AdamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";
  static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

  AdamUpdater(AdamConfig config) {
    super(config, config.isAmsgrad() ? List.of(EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ) : List.of(EXP_AVG, EXP_AVG_SQ));
  }

  /**
   * Runs DL4J's fused native kernel, which computes {@code lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m_t/(√v̂_t + ε')}: with
   * {@code ε' = eps·√(1 − β₂ᵗ)} that is exactly PyTorch's {@code lr/(1 − β₁ᵗ) · m_t/(√v̂_t/√(1 − β₂ᵗ) + eps)}. The
   * kernel replaces a zero step factor by ε', so a zero learning rate makes a zero update here instead.
   */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdamConfig c = getConfig();
    double lr = c.getLearningRate(iteration, epoch);
    double scaledEps = c.getEps() * Math.sqrt(1 - Math.pow(c.getBeta2(), step(iteration)));
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    double beta1 = c.getBeta1();
    double beta2 = c.getBeta2();
    Nd4j.exec(c.isAmsgrad()
        ? new AmsGradUpdater(gradient, v, m, state(MAX_EXP_AVG_SQ), lr, beta1, beta2, scaledEps, iteration)
        : new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(
            gradient, v, m, lr, beta1, beta2, scaledEps, iteration));
    if (lr == 0) {
      gradient.assign(0);
    }
  }
}
