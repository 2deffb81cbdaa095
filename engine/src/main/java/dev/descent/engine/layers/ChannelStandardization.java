package dev.descent.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch-statistics standardization with a per-channel affine, {@code z = γ_c (x − μ_c) / √(σ²_c + ε) + β_c}, on a few
 * whole-array passes of libnd4j ops and reused {@link Scratch} arrays: the same formulas as {@link Standardization}
 * (two-pass biased variance, Ioffe &amp; Szegedy's gradient), exact in float64. Forward: mean; centred values
 * {@code c = x − μ} (kept); {@code σ² = Σc²/M}; then libnd4j's {@code batchnorm} op for the affine normalization
 * (oneDNN's where the native build has it). Backward, for {@code g = ∂L/∂z}: {@code ∂L/∂β = Σg},
 * {@code ∂L/∂γ = Σ(g ⊙ c) / s} with {@code s = √(σ² + ε)}, and
 * {@code ∂L/∂x = γ/s · (g − Σg/M − c · Σ(g ⊙ c)/(M s²))}: one broadcast product, one addition and the
 * {@code batchnorm} op again (centring by {@code Σg/M}, scaling by {@code γ/s}).
 */
public final class ChannelStandardization {
  private final Scratch scratch = new Scratch();
  private final int channelAxis;
  private final int[] reducedAxes;
  private INDArray centred;
  private INDArray mean;
  private INDArray variance;
  private double eps;

  /** Statistics per index of {@code channelAxis}, over {@code reducedAxes}. */
  public ChannelStandardization(int channelAxis, int... reducedAxes) {
    this.channelAxis = channelAxis;
    this.reducedAxes = reducedAxes;
  }

  /** {@code z} (a scratch array) for {@code x} with its own statistics; {@code gamma}, {@code beta} may be null. */
  public INDArray forward(INDArray x, INDArray gamma, INDArray beta, double eps) {
    this.eps = eps;
    long channels = x.size(channelAxis);
    mean = scratch.get("mean", x.dataType(), channels);
    variance = scratch.get("variance", x.dataType(), channels);
    centred = scratch.get("centred", x.dataType(), x.shape());
    Nd4j.exec(new Mean(x, mean, reducedAxes));
    Nd4j.exec(new BroadcastSubOp(x, mean, centred, channelAxis));
    Nd4j.exec(new SquaredNorm(centred, variance, reducedAxes));
    variance.divi(x.length() / channels);
    return affine(x, mean, gamma, beta, scratch.get("z", x.dataType(), x.shape()));
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
   * the given rank-1 arrays unless null.
   */
  public INDArray backward(INDArray g, INDArray gamma, INDArray gradGamma, INDArray gradBeta) {
    long perChannel = g.length() / g.size(channelAxis);
    INDArray sumG = gradBeta != null ? gradBeta : scratch.get("sumG", g.dataType(), mean.length());
    Nd4j.exec(new Sum(g, sumG, reducedAxes));
    INDArray sumGc = scratch.get("sumGc", g.dataType(), mean.length());
    Nd4j.exec(new Dot(g, centred, sumGc, reducedAxes));
    INDArray varEps = variance.add(eps);
    if (gradGamma != null) {
      gradGamma.assign(sumGc).divi(Transforms.sqrt(varEps, true));
    }
    INDArray projection = sumGc.div(varEps).divi(-perChannel);
    INDArray sum = scratch.get("gradSum", g.dataType(), g.shape());
    Nd4j.exec(new BroadcastMulOp(centred, projection, sum, channelAxis));
    sum.addi(g);
    return affine(sum, sumG.div(perChannel), gamma, null, centred);
  }

  /** {@code out = γ (values − centre) / √(σ² + ε) + β} per channel, by libnd4j's {@code batchnorm} op. */
  private INDArray affine(INDArray values, INDArray centre, INDArray gamma, INDArray beta, INDArray out) {
    DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("batchnorm");
    if (gamma != null && beta != null) {
      op.addInputs(values, centre, variance, gamma, beta);
    } else if (gamma != null) {
      op.addInputs(values, centre, variance, gamma);
    } else {
      op.addInputs(values, centre, variance);
    }
    Nd4j.exec(op.addOutputs(out).addIntegerArguments(gamma != null ? 1 : 0, beta != null ? 1 : 0, channelAxis)
        .addFloatingPointArguments(eps).build());
    return out;
  }
}
