package dev.descent.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch-statistics standardization with an optional per-channel affine, {@code z = γ_c (x − μ_c) / s_c + β_c} with
 * {@code s = √(σ² + ε)}, on a few whole-array passes of libnd4j's reduction and broadcast ops into reused
 * {@link Scratch} arrays: the same formulas as {@link Standardization} (two-pass biased variance, Ioffe &amp;
 * Szegedy's gradient), exact in float64. Forward (4–5 passes): mean; centred values {@code c = x − μ} (kept);
 * {@code σ² = Σc²/M}; {@code c · γ/s} (+ β). Backward (6 passes), for {@code g = ∂L/∂z}: {@code ∂L/∂β = Σg},
 * {@code ∂L/∂γ = Σ(g ⊙ c) / s}, {@code ∂L/∂x = γ/s · (g − Σg/M − c · Σ(g ⊙ c)/(M s²))}. The "channel" is any one
 * axis: channels of NCHW for batch norm, rows of a {@code [N·G, M]} view for group and layer norm (then the reductions
 * are contiguous). libnd4j's {@code batchnorm} op is not used: in the generic build its per-element offset
 * computation made it several times slower than a broadcast pass, and with oneDNN it was still slower.
 */
public final class ChannelStandardization {
  private final Scratch scratch = new Scratch();
  private final int channelAxis;
  private final int[] reducedAxes;
  private INDArray centred;
  private INDArray mean;
  private INDArray variance;
  private INDArray inverseStd;

  /** Statistics per index of {@code channelAxis}, over {@code reducedAxes}. */
  public ChannelStandardization(int channelAxis, int... reducedAxes) {
    this.channelAxis = channelAxis;
    this.reducedAxes = reducedAxes;
  }

  /** {@code z} (a scratch array) for {@code x} with its own statistics; {@code gamma}, {@code beta} may be null. */
  public INDArray forward(INDArray x, INDArray gamma, INDArray beta, double eps) {
    long channels = x.size(channelAxis);
    mean = scratch.get("mean", x.dataType(), channels);
    variance = scratch.get("variance", x.dataType(), channels);
    centred = scratch.get("centred", x.dataType(), x.shape());
    Nd4j.exec(new Mean(x, mean, reducedAxes));
    Nd4j.exec(new BroadcastSubOp(x, mean, centred, channelAxis));
    Nd4j.exec(new SquaredNorm(centred, variance, reducedAxes));
    variance.divi(x.length() / channels);
    inverseStd = Transforms.pow(variance.add(eps), -0.5, false);
    INDArray scale = gamma == null ? inverseStd : inverseStd.mul(gamma);
    return scaleShift(centred, scale, beta, channelAxis, scratch.get("z", x.dataType(), x.shape()));
  }

  /** The rank of the arrays this instance standardizes. */
  public int rank() {
    return reducedAxes.length + 1;
  }

  /** The batch means, one per channel (a scratch array, valid until the next forward pass). */
  public INDArray mean() {
    return mean;
  }

  /** The biased batch variances, one per channel (a scratch array, valid until the next forward pass). */
  public INDArray variance() {
    return variance;
  }

  /**
   * {@code ∂L/∂x} (a scratch array) from {@code g = ∂L/∂z} (not modified); writes {@code ∂L/∂γ}, {@code ∂L/∂β} into
   * the given rank-1 arrays unless null. {@code gamma} may be null (no affine).
   */
  public INDArray backward(INDArray g, INDArray gamma, INDArray gradGamma, INDArray gradBeta) {
    long perChannel = g.length() / g.size(channelAxis);
    INDArray sumG = gradBeta != null ? gradBeta : scratch.get("sumG", g.dataType(), mean.length());
    Nd4j.exec(new Sum(g, sumG, reducedAxes));
    INDArray sumGc = scratch.get("sumGc", g.dataType(), mean.length());
    Nd4j.exec(new Dot(g, centred, sumGc, reducedAxes));
    if (gradGamma != null) {
      gradGamma.assign(sumGc).muli(inverseStd);
    }
    INDArray projection = sumGc.mul(inverseStd).muli(inverseStd).divi(-perChannel);
    INDArray sum = scratch.get("gradSum", g.dataType(), g.shape());
    Nd4j.exec(new BroadcastMulOp(centred, projection, sum, channelAxis));
    sum.addi(g);
    Nd4j.exec(new BroadcastSubOp(sum, sumG.div(perChannel), sum, channelAxis));
    INDArray scale = gamma == null ? inverseStd : inverseStd.mul(gamma);
    Nd4j.exec(new BroadcastMulOp(sum, scale, centred, channelAxis));
    return centred;
  }

  /** {@code out = values ⊙ scale + shift} along {@code axis} ({@code shift} may be null): one or two passes. */
  public static INDArray scaleShift(INDArray values, INDArray scale, INDArray shift, int axis, INDArray out) {
    Nd4j.exec(new BroadcastMulOp(values, scale, out, axis));
    if (shift != null) {
      Nd4j.exec(new BroadcastAddOp(out, shift, out, axis));
    }
    return out;
  }
}
