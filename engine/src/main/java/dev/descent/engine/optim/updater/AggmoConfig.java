package dev.descent.engine.optim.updater;

import java.util.Arrays;
import java.util.List;

/**
 * Aggregated Momentum as in the authors' AtheMathmo/AggMo code (Lucas, Sun, Zemel, Grosse 2019, "Aggregated Momentum:
 * Stability Through Passive Damping", eq. 2): for each of the K dampings {@code β⁽ⁱ⁾},
 * {@code v⁽ⁱ⁾_t = β⁽ⁱ⁾ v⁽ⁱ⁾_{t-1} + g_t}; the update is {@code (lr/K) Σᵢ v⁽ⁱ⁾_t}.
 */
public class AggmoConfig extends UpdaterConfig {
  public static final double DEFAULT_LR = 0.1;
  private static final double[] DEFAULT_BETAS = {0.0, 0.9, 0.99};

  private double[] betas = DEFAULT_BETAS.clone();

  public AggmoConfig() {
    super(DEFAULT_LR);
  }

  public AggmoConfig(double lr, double[] betas) {
    super(lr);
    this.betas = betas.clone();
  }

  /** A copy of the default dampings {@code [0.0, 0.9, 0.99]}. */
  public static double[] defaultBetas() {
    return DEFAULT_BETAS.clone();
  }

  @Override
  protected List<Object> hyperparameters() {
    return List.of(Arrays.toString(betas));
  }

  @Override
  public AggmoConfig clone() {
    AggmoConfig copy = (AggmoConfig) super.clone();
    copy.betas = betas.clone();
    return copy;
  }

  public double[] getBetas() {
    return betas.clone();
  }

  public void setBetas(double[] betas) {
    this.betas = betas.clone();
  }
}
