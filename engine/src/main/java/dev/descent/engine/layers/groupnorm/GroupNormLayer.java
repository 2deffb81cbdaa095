package dev.descent.engine.layers.groupnorm;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;

import dev.descent.engine.layers.ChannelStandardization;
import dev.descent.engine.layers.NormLayer;
import dev.descent.engine.layers.Scratch;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link GroupNorm} / {@link InstanceNorm} layer. The input, C-ordered as {@code [N·G, (C/G)·H·W]}, is one row per
 * (sample, group), standardized per row on contiguous reductions ({@link ChannelStandardization} with the row as
 * channel); the per-channel affine works on the view {@code [N, C, H·W]} in one pass:
 * {@code ∂L/∂β_c = Σ_{n,p} ∂L/∂y}, {@code ∂L/∂γ_c = Σ_{n,p} ∂L/∂y ⊙ x̂}, {@code ∂L/∂x̂ = γ_c ∂L/∂y}.
 */
public final class GroupNormLayer extends NormLayer<GroupNorm> {
  private static final int ROW_AXIS = 0;
  private static final int CHANNEL_AXIS = 1;
  private static final int[] BATCH_AND_POSITION_AXES = {0, 2};

  private final ChannelStandardization rows = new ChannelStandardization(ROW_AXIS, 1);
  private final Scratch scratch = new Scratch();
  private long[] inputShape;
  private INDArray normalized;

  GroupNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    inputShape = x.shape();
    INDArray contiguous = Shape.hasDefaultStridesForShape(x) ? x : x.dup('c');
    normalized = rows.forward(contiguous.reshape('c', inputShape[0] * layerConf().groupCount(), -1), null, null,
        layerConf().getEps());
    INDArray z = scratch.get("z", x.dataType(), byChannel(normalized).shape());
    ChannelStandardization.scaleShift(byChannel(normalized), vector(GAMMA), vector(BETA), CHANNEL_AXIS, z);
    return z.reshape('c', inputShape);
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray gradByChannel = byChannel(Shape.hasDefaultStridesForShape(gradZ) ? gradZ : gradZ.dup('c'));
    Nd4j.exec(new Sum(gradByChannel, gradientViews.get(BETA).reshape(-1), BATCH_AND_POSITION_AXES));
    Nd4j.exec(new Dot(gradByChannel, byChannel(normalized), gradientViews.get(GAMMA).reshape(-1),
        BATCH_AND_POSITION_AXES));
    INDArray gradNormalized = scratch.get("gradNormalized", gradZ.dataType(), gradByChannel.shape());
    ChannelStandardization.scaleShift(gradByChannel, vector(GAMMA), null, CHANNEL_AXIS, gradNormalized);
    INDArray gradRows = gradNormalized.reshape('c', normalized.shape());
    return rows.backward(gradRows, null, null, null).reshape('c', inputShape);
  }

  private INDArray vector(String key) {
    return getParam(key).reshape(-1);
  }

  /** {@code values} (N·C·H·W entries, C order) viewed as {@code [N, C, H·W]}. */
  private INDArray byChannel(INDArray values) {
    return values.reshape('c', inputShape[0], inputShape[1], -1);
  }
}
