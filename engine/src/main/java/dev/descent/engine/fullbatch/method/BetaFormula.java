package dev.descent.engine.fullbatch.method;

import dev.descent.engine.fullbatch.core.Vectors;

/**
 * The β of nonlinear conjugate gradient, d_k = −g_k + β_k·d_{k−1} (Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, 2nd ed., eqs. 5.41, 5.45, 5.46), with y = g_k − g_{k−1}.
 */
public enum BetaFormula {
  /** Fletcher &amp; Reeves (1964): β = g_kᵀg_k / g_{k−1}ᵀg_{k−1}. */
  FLETCHER_REEVES("fletcher_reeves") {
    @Override
    double beta(double[] g, double[] previousG, double[] previousD) {
      return Vectors.dot(g, g) / Vectors.dot(previousG, previousG);
    }
  },
  /** Polak &amp; Ribière (1969), PR+ of Gilbert &amp; Nocedal (1992): β = max(0, g_kᵀy / g_{k−1}ᵀg_{k−1}). */
  POLAK_RIBIERE("polak_ribiere") {
    @Override
    double beta(double[] g, double[] previousG, double[] previousD) {
      double[] y = Vectors.minus(g, previousG);
      return Math.max(0, Vectors.dot(g, y) / Vectors.dot(previousG, previousG));
    }
  },
  /** Hestenes &amp; Stiefel (1952): β = g_kᵀy / d_{k−1}ᵀy. */
  HESTENES_STIEFEL("hestenes_stiefel") {
    @Override
    double beta(double[] g, double[] previousG, double[] previousD) {
      double[] y = Vectors.minus(g, previousG);
      return Vectors.dot(g, y) / Vectors.dot(previousD, y);
    }
  };

  private final String specName;

  BetaFormula(String specName) {
    this.specName = specName;
  }

  /** The name in a job spec's {@code beta_type}. */
  public String specName() {
    return specName;
  }

  abstract double beta(double[] g, double[] previousG, double[] previousD);

  /** The formula a spec names, or null. */
  public static BetaFormula bySpecName(String name) {
    for (BetaFormula f : values()) {
      if (f.specName.equals(name)) {
        return f;
      }
    }
    return null;
  }
}
