package dev.descent.engine.layers.groupnorm;

import dev.descent.engine.layers.ChannelStandardization;
import dev.descent.engine.layers.RowNormLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link GroupNorm} / {@link InstanceNorm} layer. The input, C-ordered as {@code [N·G, (C/G)·H·W]}, is one row per
 * (sample, group), standardized per row on contiguous reductions ({@link ChannelStandardization} with the row as
 * channel); the per-channel affine works on the view {@code [N, C, H·W]} in one pass:
 * {@code ∂L/∂β_c = Σ_{n,p} ∂L/∂y}, {@code ∂L/∂γ_c = Σ_{n,p} ∂L/∂y ⊙ x̂}, {@code ∂L/∂x̂ = γ_c ∂L/∂y}.
 */
public final class GroupNormLayer extends RowNormLayer<GroupNorm> {
  GroupNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType, 0, 2);
  }

  /** One row per (sample, group): {@code [N·G, (C/G)·H·W]}. */
  @Override
  protected INDArray rows(INDArray values, long[] inputShape) {
    return values.reshape('c', inputShape[0] * layerConf().groupCount(), -1);
  }

  /** {@code values} (N·C·H·W entries, C order) viewed as {@code [N, C, H·W]}. */
  @Override
  protected INDArray byChannel(INDArray values, long[] inputShape) {
    return values.reshape('c', inputShape[0], inputShape[1], -1);
  }
}
