package dev.descent.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Standardizes each row of a matrix {@code [R, M]} over its M entries, and back-propagates through it. Every layer of
 * this package reduces its normalization to this kernel by laying the groups it normalizes out as rows.
 *
 * <p>Forward (Ioffe &amp; Szegedy 2015, "Batch Normalization", arXiv:1502.03167, Algorithm 1), per row r:
 * {@code μ_r = (1/M) Σ_j x_rj}, {@code σ²_r = (1/M) Σ_j (x_rj − μ_r)²} (biased), {@code x̂_rj = (x_rj − μ_r) / √(σ²_r + ε)}.
 * The variance is computed from the centred values (two passes), so that a constant row gives exactly 0.
 *
 * <p>Backward, for {@code g = ∂L/∂x̂}: {@code ∂L/∂x_rj = (g_rj − mean_j(g_r) − x̂_rj · mean_j(g_r ⊙ x̂_r)) / √(σ²_r + ε)}.
 */
public final class Standardization {
  private final INDArray normalized;
  private final INDArray inverseStd;
  private final INDArray mean;
  private final INDArray variance;

  private Standardization(INDArray normalized, INDArray inverseStd, INDArray mean, INDArray variance) {
    this.normalized = normalized;
    this.inverseStd = inverseStd;
    this.mean = mean;
    this.variance = variance;
  }

  /** Standardizes the rows of {@code rows} ({@code [R, M]}) with their own mean and biased variance. */
  public static Standardization ofRows(INDArray rows, double eps) {
    INDArray mean = rows.mean(true, 1);
    INDArray centred = rows.subColumnVector(mean);
    INDArray variance = centred.mul(centred).mean(true, 1);
    INDArray inverseStd = Transforms.pow(variance.add(eps), -0.5, false);
    return new Standardization(centred.muliColumnVector(inverseStd), inverseStd, mean, variance);
  }

  /** Standardizes the rows of {@code rows} with given statistics (column vectors {@code [R, 1]}), as in inference. */
  public static Standardization withStatistics(INDArray rows, INDArray mean, INDArray variance, double eps) {
    INDArray inverseStd = Transforms.pow(variance.add(eps), -0.5, false);
    INDArray normalized = rows.subColumnVector(mean).muliColumnVector(inverseStd);
    return new Standardization(normalized, inverseStd, null, null);
  }

  /** {@code x̂}, shape {@code [R, M]}. */
  public INDArray normalized() {
    return normalized;
  }

  /** The rows' means {@code [R, 1]}; null when the statistics were given. */
  public INDArray mean() {
    return mean;
  }

  /** The rows' biased variances {@code [R, 1]}; null when the statistics were given. */
  public INDArray variance() {
    return variance;
  }

  /** {@code ∂L/∂x} from {@code ∂L/∂x̂}, through the row statistics (training mode). */
  public INDArray backward(INDArray gradNormalized) {
    INDArray meanGrad = gradNormalized.mean(true, 1);
    INDArray meanGradDotX = gradNormalized.mul(normalized).mean(true, 1);
    return gradNormalized.subColumnVector(meanGrad)
        .subi(normalized.mulColumnVector(meanGradDotX))
        .muliColumnVector(inverseStd);
  }

  /** {@code ∂L/∂x} from {@code ∂L/∂x̂} when the statistics are constants (inference mode). */
  public INDArray backwardThroughConstants(INDArray gradNormalized) {
    return gradNormalized.mulColumnVector(inverseStd);
  }
}
