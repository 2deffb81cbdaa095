package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The update rule of {@link AdamConfig}. Without AMSGrad it is one fused pass of libnd4j's {@code adam_updater},
 * which computes {@code α_t m_t / (√v_t + ε̂)} with {@code α_t = lr √(1 − β₂ᵗ) / (1 − β₁ᵗ)}: PyTorch's update
 * {@code lr/(1 − β₁ᵗ) · m_t / (√v_t / √(1 − β₂ᵗ) + eps)} exactly when {@code ε̂ = eps √(1 − β₂ᵗ)}. The op turns
 * {@code α_t = 0} into {@code ε̂}, so a zero learning rate zeroes the update afterwards.
 */
final class AdamUpdater extends StateUpdater<AdamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";
  static final String MAX_EXP_AVG_SQ = "max_exp_avg_sq";

  AdamUpdater(AdamConfig config) {
    super(config, config.isAmsgrad() ? List.of(EXP_AVG, EXP_AVG_SQ, MAX_EXP_AVG_SQ) : List.of(EXP_AVG, EXP_AVG_SQ));
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdamConfig c = getConfig();
    int t = step(iteration);
    if (!c.isAmsgrad()) {
      double lr = c.getLearningRate(iteration, epoch);
      double epsHat = c.getEps() * Math.sqrt(1 - Math.pow(c.getBeta2(), t));
      Nd4j.exec(new org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater(
          gradient, state(EXP_AVG_SQ), state(EXP_AVG), lr, c.getBeta1(), c.getBeta2(), epsHat, iteration));
      if (lr == 0) {
        gradient.assign(0);
      }
      return;
    }
    double beta1 = c.getBeta1();
    double beta2 = c.getBeta2();
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    m.muli(beta1).addi(gradient.mul(1 - beta1));
    v.muli(beta2).addi(gradient.mul(gradient).muli(1 - beta2));
    INDArray second = v;
    if (c.isAmsgrad()) {
      second = state(MAX_EXP_AVG_SQ);
      Transforms.max(second, v, false);
    }
    double stepSize = c.getLearningRate(iteration, epoch) / (1 - Math.pow(beta1, t));
    INDArray denominator = Transforms.sqrt(second, true).divi(Math.sqrt(1 - Math.pow(beta2, t))).addi(c.getEps());
    gradient.assign(m).divi(denominator).muli(stepSize);
  }
}
