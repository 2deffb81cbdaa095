package dev.descent.engine.layers.groupnorm;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;

import dev.descent.engine.layers.NormLayer;
import dev.descent.engine.layers.Standardization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link GroupNorm} / {@link InstanceNorm} layer. The input, C-ordered as {@code [N·G, (C/G)·H·W]}, is one row per
 * (sample, group), standardized per row ({@link Standardization}); the per-channel affine works on the view
 * {@code [N, C, H·W]}: {@code ∂L/∂β_c = Σ_{n,p} ∂L/∂y}, {@code ∂L/∂γ_c = Σ_{n,p} ∂L/∂y ⊙ x̂},
 * {@code ∂L/∂x̂ = γ_c ∂L/∂y}.
 */
public final class GroupNormLayer extends NormLayer<GroupNorm> {
  private static final int ROW_AXIS = 1;
  private static final int[] BATCH_AND_POSITION_AXES = {0, 2};

  private long[] inputShape;
  private Standardization standardization;

  GroupNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    inputShape = x.shape();
    INDArray rows = x.reshape('c', inputShape[0] * layerConf().groupCount(), -1);
    standardization = Standardization.over(rows, layerConf().getEps(), ROW_AXIS);
    INDArray z = byChannel(standardization.normalized()).dup('c');
    return perChannelAffine(z, getParam(GAMMA), getParam(BETA)).reshape('c', inputShape);
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray gradByChannel = byChannel(gradZ);
    INDArray normalized = byChannel(standardization.normalized());
    gradientViews.get(BETA).assign(gradByChannel.sum(BATCH_AND_POSITION_AXES));
    gradientViews.get(GAMMA).assign(gradByChannel.mul(normalized).sum(BATCH_AND_POSITION_AXES));
    INDArray gradNormalized = perChannelScale(gradByChannel.dup('c'), getParam(GAMMA));
    INDArray gradRows = gradNormalized.reshape('c', standardization.normalized().shape());
    return standardization.backward(gradRows).reshape('c', inputShape);
  }

  /** {@code values} (N·C·H·W entries) viewed in C order as {@code [N, C, H·W]}. */
  private INDArray byChannel(INDArray values) {
    return values.reshape('c', inputShape[0], inputShape[1], -1);
  }
}
