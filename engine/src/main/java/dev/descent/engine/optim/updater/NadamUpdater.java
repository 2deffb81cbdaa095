package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The update rule of {@link NadamConfig}. The product {@code Π_t} is a function of the step alone, so it is not
 * state: it is recomputed in PyTorch's multiplication order (and cached for the next step).
 */
final class NadamUpdater extends StateUpdater<NadamConfig> {
  static final String EXP_AVG = "exp_avg";
  static final String EXP_AVG_SQ = "exp_avg_sq";

  private final StepSeries muProduct;

  NadamUpdater(NadamConfig config) {
    super(config, List.of(EXP_AVG, EXP_AVG_SQ));
    this.muProduct = new StepSeries(1.0, (product, t) -> product * config.mu(t));
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    NadamConfig c = getConfig();
    int t = step(iteration);
    double lr = c.getLearningRate(iteration, epoch);
    double mu = c.mu(t);
    double muNext = c.mu(t + 1);
    double product = muProduct.at(t);
    INDArray m = state(EXP_AVG);
    INDArray v = state(EXP_AVG_SQ);
    Ema.update(m, gradient, c.getBeta1());
    Ema.updateSquare(v, gradient, c.getBeta2());
    INDArray denominator = Transforms.sqrt(v.div(1 - Math.pow(c.getBeta2(), t)), false).addi(c.getEps());
    double gradientWeight = lr * (1 - mu) / (1 - product);
    double momentumWeight = lr * muNext / (1 - product * muNext);
    gradient.divi(denominator).muli(gradientWeight).addi(m.div(denominator).muli(momentumWeight));
  }
}
