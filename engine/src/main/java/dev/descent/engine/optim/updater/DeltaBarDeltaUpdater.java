package dev.descent.engine.optim.updater;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The update rule of {@link DeltaBarDeltaConfig}. The rates start at {@code lr} when the state is created; a
 * learning-rate schedule does not act on them (they adapt by themselves).
 */
final class DeltaBarDeltaUpdater extends StateUpdater<DeltaBarDeltaConfig> {
  static final String RATE = "rate";
  static final String BAR = "delta_bar";

  DeltaBarDeltaUpdater(DeltaBarDeltaConfig config) {
    super(config, List.of(RATE, BAR));
  }

  @Override
  protected void initializeState() {
    state(RATE).assign(getConfig().getLearningRate());
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    DeltaBarDeltaConfig c = getConfig();
    double[] g = Elementwise.read(gradient);
    double[] rate = Elementwise.read(state(RATE));
    double[] bar = Elementwise.read(state(BAR));
    for (int i = 0; i < g.length; i++) {
      double agreement = bar[i] * g[i];
      if (agreement > 0) {
        rate[i] += c.getKappa();
      } else if (agreement < 0) {
        rate[i] *= 1 - c.getPhi();
      }
      bar[i] = (1 - c.getTheta()) * g[i] + c.getTheta() * bar[i];
      g[i] *= rate[i];
    }
    Elementwise.write(gradient, g);
    Elementwise.write(state(RATE), rate);
    Elementwise.write(state(BAR), bar);
  }
}
