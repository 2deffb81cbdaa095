package dev.descent.engine.layers.batchnorm;

import dev.descent.engine.layers.AffineParamInitializer;
import dev.descent.engine.layers.NormConfig;
import java.util.List;

/**
 * Batch norm's parameters: γ (1), β (0), then the running mean (0) and running variance (1), one entry per feature or
 * channel. The running statistics are parameters so that checkpoints carry them; they get the NoOp updater and a zero
 * gradient, and the layer itself updates them.
 */
public final class BatchNormParamInitializer extends AffineParamInitializer {
  public static final String RUNNING_MEAN = "runningMean";
  public static final String RUNNING_VAR = "runningVar";

  /** The one instance (the initializer keeps no state). */
  public static final BatchNormParamInitializer INSTANCE = new BatchNormParamInitializer();

  private BatchNormParamInitializer() {}

  @Override
  protected List<ParamSpec> specs(NormConfig layer) {
    long size = layer.affineSize();
    return List.of(new ParamSpec(GAMMA, size, 1.0), new ParamSpec(BETA, size, 0.0),
        new ParamSpec(RUNNING_MEAN, size, 0.0), new ParamSpec(RUNNING_VAR, size, 1.0));
  }

  static boolean isRunningStatistic(String key) {
    return RUNNING_MEAN.equals(key) || RUNNING_VAR.equals(key);
  }
}
