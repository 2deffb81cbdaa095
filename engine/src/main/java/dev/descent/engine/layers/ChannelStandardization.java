package dev.descent.engine.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
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
  private static final int CHANNEL = 1;

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
    broadcast(new SubOp(asImage(x, channelAxis), column(mean), asImage(centred, channelAxis)));
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
    INDArray sumImage = asImage(sum, channelAxis);
    broadcast(new MulOp(asImage(centred, channelAxis), column(projection), sumImage));
    sum.addi(g);
    broadcast(new SubOp(sumImage, column(sumG.div(perChannel)), sumImage));
    INDArray scale = gamma == null ? inverseStd : inverseStd.mul(gamma);
    broadcast(new MulOp(sumImage, column(scale), asImage(centred, channelAxis)));
    return centred;
  }

  /** {@code out = values ⊙ scale + shift} along {@code axis} ({@code shift} may be null): one or two passes. */
  public static INDArray scaleShift(INDArray values, INDArray scale, INDArray shift, int axis, INDArray out) {
    boolean image = values.rank() == 4 || axis != values.rank() - 1;
    INDArray in = image ? asImage(values, axis) : values;
    INDArray result = image ? asImage(out, axis) : out;
    broadcast(new MulOp(in, image ? column(scale) : row(scale), result));
    if (shift != null) {
      broadcast(new AddOp(result, image ? column(shift) : row(shift), result));
    }
    return out;
  }

  /**
   * {@code values} (C-ordered) as a rank-4 view {@code [A, K, 1, B]} with {@code axis} (of length K) as axis 1, to be
   * combined with a {@link #column} vector by libnd4j's broadcasting arithmetic ops ({@code multiply}, ...), whose
   * rank-4 loop is about 3× faster than the legacy broadcast ops along a dimension (which walk strided sub-arrays).
   */
  private static INDArray asImage(INDArray values, int axis) {
    if (values.rank() == 4 && axis == CHANNEL) {
      return values;
    }
    long before = 1;
    for (int i = 0; i < axis; i++) {
      before *= values.size(i);
    }
    long channels = values.size(axis);
    return values.reshape('c', before, channels, 1, values.length() / before / channels);
  }

  /** A per-channel vector shaped {@code [1, K, 1, 1]} to broadcast over an {@link #asImage} view. */
  private static INDArray column(INDArray vector) {
    return vector.reshape(1, vector.length(), 1, 1);
  }

  /** A per-feature vector shaped {@code [1, F]} to broadcast over the rows of {@code [N, F]}. */
  private static INDArray row(INDArray vector) {
    return vector.reshape(1, vector.length());
  }

  private static void broadcast(DynamicCustomOp op) {
    Nd4j.exec(op);
  }
}
