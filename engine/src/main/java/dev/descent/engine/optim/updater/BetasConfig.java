package dev.descent.engine.optim.updater;

import java.util.ArrayList;
import java.util.List;

/** A configuration with PyTorch's {@code betas = (β₁, β₂)} and {@code eps}, shared by the Adam family. */
public abstract class BetasConfig extends EpsConfig {
  public static final double DEFAULT_BETA1 = 0.9;
  public static final double DEFAULT_BETA2 = 0.999;
  public static final double DEFAULT_EPS = 1e-8;

  private double beta1;
  private double beta2;

  protected BetasConfig(double lr, double beta1, double beta2, double eps) {
    super(lr, eps);
    this.beta1 = beta1;
    this.beta2 = beta2;
  }

  /** β₁, β₂ and eps, then the subclass's {@link #moreHyperparameters()}. */
  @Override
  protected final List<Object> hyperparameters() {
    List<Object> all = new ArrayList<>(List.of(beta1, beta2, getEps()));
    all.addAll(moreHyperparameters());
    return all;
  }

  /** The hyperparameters besides the betas, eps and the learning rate; none by default. */
  protected List<Object> moreHyperparameters() {
    return List.of();
  }

  public double getBeta1() {
    return beta1;
  }

  public void setBeta1(double beta1) {
    this.beta1 = beta1;
  }

  public double getBeta2() {
    return beta2;
  }

  public void setBeta2(double beta2) {
    this.beta2 = beta2;
  }
}
