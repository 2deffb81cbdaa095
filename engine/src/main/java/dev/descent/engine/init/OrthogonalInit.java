package dev.descent.engine.init;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Orthogonal initialization (Saxe, McClelland and Ganguli 2014, "Exact solutions to the nonlinear dynamics of
 * learning in deep linear neural networks"), as PyTorch's {@code orthogonal_}: a Gaussian matrix {@code G} of
 * {@code units × inputs}, the Q of its QR decomposition with {@code diag(R) > 0} (of {@code Gᵀ} when there are fewer
 * units than inputs), times {@code gain · scale}. The unit vectors (if {@code units ≤ inputs}) or the input vectors
 * are orthonormal: for a dense {@code [nIn, nOut]} weight {@code W} with {@code nIn ≥ nOut}, {@code WᵀW = (gain ·
 * scale)²·I}. QR is computed by Gram–Schmidt applied twice, whose R has a positive diagonal by construction.
 */
public class OrthogonalInit extends SeededWeightInit {
  public static final double DEFAULT_GAIN = 1.0;

  private double gain = DEFAULT_GAIN;

  public OrthogonalInit() {}

  public OrthogonalInit(double gain, double scale) {
    this.gain = gain;
    setScale(scale);
  }

  @Override
  protected double[] sample(double fanIn, double fanOut, int units, int inputs, SplittableRandom random) {
    double[] g = Distribution.NORMAL.draws(units * inputs, 1.0, random);
    if (units <= inputs) {
      GramSchmidt.orthonormalize(g, units, inputs, 1, inputs);
    } else {
      GramSchmidt.orthonormalize(g, inputs, units, inputs, 1);
    }
    for (int j = 0; j < g.length; j++) {
      g[j] *= gain;
    }
    return g;
  }

  @Override
  protected List<Object> settings() {
    return List.of(gain, getScale());
  }
}
