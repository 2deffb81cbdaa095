package dev.descent.engine.layers.groupnorm;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;

import dev.descent.engine.layers.NormLayer;
import dev.descent.engine.layers.Standardization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link GroupNorm} / {@link InstanceNorm} layer. The input, C-ordered as {@code [N·G, (C/G)·H·W]}, is one row per
 * (sample, group) and standardized per row ({@link Standardization}); the per-channel affine works on the view
 * {@code [N, C, H·W]}: {@code ∂L/∂β_c = Σ_{n,p} ∂L/∂y}, {@code ∂L/∂γ_c = Σ_{n,p} ∂L/∂y ⊙ x̂}, {@code ∂L/∂x̂ = γ_c ∂L/∂y}.
 */
public final class GroupNormLayer extends NormLayer<GroupNorm> {
  private static final int CHANNEL_AXIS = 1;

  private long[] inputShape;
  private Standardization standardization;

  GroupNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    inputShape = x.shape();
    long rows = inputShape[0] * layerConf().groupCount();
    standardization = Standardization.ofRows(reshapeC(x, rows, -1), layerConf().getEps());
    INDArray z = byChannel(standardization.normalized()).dup('c');
    Nd4j.getExecutioner().exec(new BroadcastMulOp(z, getParam(GAMMA), z, CHANNEL_AXIS));
    Nd4j.getExecutioner().exec(new BroadcastAddOp(z, getParam(BETA), z, CHANNEL_AXIS));
    return z.reshape('c', inputShape);
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray gradByChannel = byChannel(gradZ.dup('c'));
    INDArray normalized = byChannel(standardization.normalized());
    gradientViews.get(BETA).assign(gradByChannel.sum(0, 2));
    gradientViews.get(GAMMA).assign(gradByChannel.mul(normalized).sum(0, 2));
    Nd4j.getExecutioner().exec(new BroadcastMulOp(gradByChannel, getParam(GAMMA), gradByChannel, CHANNEL_AXIS));
    INDArray gradRows = gradByChannel.reshape('c', standardization.normalized().shape());
    return standardization.backward(gradRows).reshape('c', inputShape);
  }

  /** {@code values} (C-ordered, any shape holding N·C·H·W entries) viewed as {@code [N, C, H·W]}. */
  private INDArray byChannel(INDArray values) {
    return values.reshape('c', inputShape[0], inputShape[1], -1);
  }
}
