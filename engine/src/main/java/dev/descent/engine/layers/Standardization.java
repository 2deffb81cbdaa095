package dev.descent.engine.layers;

import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Standardizes an array over some of its axes, separately for every index of the others (the kept axes), and
 * back-propagates through it. Every layer of this package reduces its normalization to this kernel: batch norm over
 * (N) or (N, H, W) per channel, group and layer norm over the columns of a {@code [groups, M]} view.
 *
 * <p>Forward (Ioffe &amp; Szegedy 2015, "Batch Normalization", arXiv:1502.03167, Algorithm 1), for each kept index k
 * over its M values: {@code μ_k = (1/M) Σ x}, {@code σ²_k = (1/M) Σ (x − μ_k)²} (biased),
 * {@code x̂ = (x − μ_k) / √(σ²_k + ε)}. The variance is computed from the centred values (two passes), so a constant
 * group gives exactly 0.
 *
 * <p>Backward, for {@code g = ∂L/∂x̂}: {@code ∂L/∂x = (g − mean_k(g) − x̂ · mean_k(g ⊙ x̂)) / √(σ²_k + ε)}; with
 * statistics given as constants (inference): {@code ∂L/∂x = g / √(σ²_k + ε)}.
 */
public final class Standardization {
  private final INDArray normalized;
  private final INDArray inverseStd;
  private final INDArray mean;
  private final INDArray variance;
  private final int[] reducedAxes;
  private final int[] keptAxes;

  private Standardization(INDArray normalized, INDArray inverseStd, INDArray mean, INDArray variance,
      int[] reducedAxes) {
    this.normalized = normalized;
    this.inverseStd = inverseStd;
    this.mean = mean;
    this.variance = variance;
    this.reducedAxes = reducedAxes;
    this.keptAxes = complement(normalized.rank(), reducedAxes);
  }

  /** Standardizes {@code x} over {@code reducedAxes} with its own means and biased variances. */
  public static Standardization over(INDArray x, double eps, int... reducedAxes) {
    int[] kept = complement(x.rank(), reducedAxes);
    INDArray mean = x.mean(reducedAxes);
    INDArray centred = broadcast(new BroadcastSubOp(x, mean, x.ulike(), kept));
    INDArray variance = centred.mul(centred).mean(reducedAxes);
    INDArray inverseStd = Transforms.pow(variance.add(eps), -0.5, false);
    broadcast(new BroadcastMulOp(centred, inverseStd, centred, kept));
    return new Standardization(centred, inverseStd, mean, variance, reducedAxes);
  }

  /** Standardizes {@code x} over {@code reducedAxes} with given means and variances (inference). */
  public static Standardization withStatistics(INDArray x, INDArray mean, INDArray variance, double eps,
      int... reducedAxes) {
    int[] kept = complement(x.rank(), reducedAxes);
    INDArray inverseStd = Transforms.pow(variance.add(eps), -0.5, false);
    INDArray normalized = broadcast(new BroadcastSubOp(x, mean, x.ulike(), kept));
    broadcast(new BroadcastMulOp(normalized, inverseStd, normalized, kept));
    return new Standardization(normalized, inverseStd, null, null, reducedAxes);
  }

  /** {@code x̂}, shaped as the input. */
  public INDArray normalized() {
    return normalized;
  }

  /** The means, one per kept index; null when the statistics were given. */
  public INDArray mean() {
    return mean;
  }

  /** The biased variances, one per kept index; null when the statistics were given. */
  public INDArray variance() {
    return variance;
  }

  /** {@code ∂L/∂x} from {@code ∂L/∂x̂} (not modified), through the statistics (training mode). */
  public INDArray backward(INDArray gradNormalized) {
    INDArray meanGrad = gradNormalized.mean(reducedAxes);
    INDArray meanGradDotX = gradNormalized.mul(normalized).mean(reducedAxes);
    INDArray projection = broadcast(new BroadcastMulOp(normalized, meanGradDotX, normalized.ulike(), keptAxes));
    INDArray gradInput = broadcast(new BroadcastSubOp(gradNormalized, meanGrad, gradNormalized.ulike(), keptAxes));
    return broadcast(new BroadcastMulOp(gradInput.subi(projection), inverseStd, gradInput, keptAxes));
  }

  /** {@code ∂L/∂x} from {@code ∂L/∂x̂} (not modified) when the statistics are constants (inference mode). */
  public INDArray backwardThroughConstants(INDArray gradNormalized) {
    return broadcast(new BroadcastMulOp(gradNormalized, inverseStd, gradNormalized.ulike(), keptAxes));
  }

  private static INDArray broadcast(BroadcastOp op) {
    Nd4j.getExecutioner().exec(op);
    return op.z();
  }

  private static int[] complement(int rank, int[] axes) {
    return IntStream.range(0, rank).filter(axis -> IntStream.of(axes).noneMatch(a -> a == axis)).toArray();
  }
}
