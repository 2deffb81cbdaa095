package dev.descent.engine.optim.updater;

/**
 * A configuration of the RMSprop family: the decay {@code alpha} of the squared-gradient average, the momentum and
 * {@code eps}.
 */
public abstract class SquareAverageConfig extends EpsConfig {
  private double alpha;
  private double momentum;

  protected SquareAverageConfig(double lr, double alpha, double momentum, double eps) {
    super(lr, eps);
    this.alpha = alpha;
    this.momentum = momentum;
  }

  public double getAlpha() {
    return alpha;
  }

  public void setAlpha(double alpha) {
    this.alpha = alpha;
  }

  public double getMomentum() {
    return momentum;
  }

  public void setMomentum(double momentum) {
    this.momentum = momentum;
  }
}
