package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update rule of {@link RpropConfig}. The step size is initialized to {@code lr} when the state is created, so a
 * learning-rate schedule does not act on Rprop (as in PyTorch, where {@code lr} is only the initial step size).
 */
final class RpropUpdater extends StateUpdater<RpropConfig> {
  static final String PREV = "prev";
  static final String STEP_SIZE = "step_size";

  RpropUpdater(RpropConfig config) {
    super(config, List.of(PREV, STEP_SIZE));
  }

  @Override
  protected void initializeState() {
    state(STEP_SIZE).assign(getConfig().getLearningRate());
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    RpropConfig c = getConfig();
    double[] g = Elementwise.read(gradient);
    double[] prev = Elementwise.read(state(PREV));
    double[] stepSize = Elementwise.read(state(STEP_SIZE));
    for (int i = 0; i < g.length; i++) {
      double sign = Math.signum(g[i] * prev[i]);
      double factor = sign > 0 ? c.getEtaPlus() : sign < 0 ? c.getEtaMinus() : 1.0;
      stepSize[i] = Math.min(Math.max(stepSize[i] * factor, c.getStepMin()), c.getStepMax());
      prev[i] = sign < 0 ? 0.0 : g[i];
      g[i] = Math.signum(prev[i]) * stepSize[i];
    }
    Elementwise.write(gradient, g);
    Elementwise.write(state(PREV), prev);
    Elementwise.write(state(STEP_SIZE), stepSize);
  }
}
