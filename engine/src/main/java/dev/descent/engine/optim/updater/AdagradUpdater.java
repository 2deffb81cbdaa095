package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The update rule of {@link AdagradConfig}. */
final class AdagradUpdater extends StateUpdater<AdagradConfig> {
  static final String SUM = "sum";

  AdagradUpdater(AdagradConfig config) {
    super(config, List.of(SUM));
  }

  @Override
  protected void initializeState() {
    state(SUM).assign(getConfig().getInitialAccumulatorValue());
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    AdagradConfig c = getConfig();
    double clr = c.getLearningRate(iteration, epoch) / (1 + (step(iteration) - 1) * c.getLrDecay());
    INDArray sum = state(SUM);
    sum.addi(gradient.mul(gradient));
    INDArray std = Transforms.sqrt(sum, true).addi(c.getEps());
    gradient.divi(std).muli(clr);
  }
}
