package dev.descent.engine.optim.updater;

/** A configuration with PyTorch's {@code eps}, the term added to a root in the denominator for stability. */
public abstract class EpsConfig extends UpdaterConfig {
  private double eps;

  protected EpsConfig(double lr, double eps) {
    super(lr);
    this.eps = eps;
  }

  public double getEps() {
    return eps;
  }

  public void setEps(double eps) {
    this.eps = eps;
  }
}
