package dev.descent.engine.online;

/** The per-sample loss of a linear model as a function of its margin {@code m = wᵀx} and target {@code y}. */
public enum Loss {
  /**
   * Log loss of {@code p = σ(m)} for a label {@code t = 1} if {@code y > 0} else {@code 0} (so {0, 1} and {−1, +1}
   * labels both work): {@code −t·log p − (1 − t)·log(1 − p) = max(m, 0) + log(1 + e^{−|m|}) − t·m}; slope
   * {@code p − t}.
   */
  LOGISTIC {
    @Override
    public double value(double margin, double y) {
      return Math.max(margin, 0.0) + Math.log1p(Math.exp(-Math.abs(margin))) - target(y) * margin;
    }

    @Override
    public double slope(double margin, double y) {
      return 1.0 / (1.0 + Math.exp(-margin)) - target(y);
    }

    private double target(double y) {
      return y > 0 ? 1.0 : 0.0;
    }
  },
  /** Squared error {@code ½(m − y)²}; slope {@code m − y}. */
  SQUARED {
    @Override
    public double value(double margin, double y) {
      return 0.5 * (margin - y) * (margin - y);
    }

    @Override
    public double slope(double margin, double y) {
      return margin - y;
    }
  };

  public abstract double value(double margin, double y);

  /** {@code ∂loss/∂m}: the gradient with respect to the weights is {@code slope · x}. */
  public abstract double slope(double margin, double y);
}
