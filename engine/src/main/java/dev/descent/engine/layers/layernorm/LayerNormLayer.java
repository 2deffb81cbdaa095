package dev.descent.engine.layers.layernorm;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;

import dev.descent.engine.layers.NormLayer;
import dev.descent.engine.layers.Standardization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link LayerNorm} layer: the input C-ordered as {@code [N, F]}, one row per sample, standardized per row
 * ({@link Standardization}), then {@code γ ⊙ x̂ + β} elementwise; {@code ∂L/∂β = Σ_n ∂L/∂y},
 * {@code ∂L/∂γ = Σ_n ∂L/∂y ⊙ x̂}, {@code ∂L/∂x̂ = γ ⊙ ∂L/∂y}.
 */
public final class LayerNormLayer extends NormLayer<LayerNorm> {
  private static final int FEATURE_AXIS = 1;
  private static final int SAMPLE_AXIS = 0;

  private long[] inputShape;
  private Standardization standardization;

  LayerNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    inputShape = x.shape();
    standardization = Standardization.over(bySample(x), layerConf().getEps(), FEATURE_AXIS);
    INDArray z = standardization.normalized().mulRowVector(getParam(GAMMA)).addiRowVector(getParam(BETA));
    return z.reshape('c', inputShape);
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray gradRows = bySample(gradZ);
    gradientViews.get(BETA).assign(gradRows.sum(SAMPLE_AXIS));
    gradientViews.get(GAMMA).assign(gradRows.mul(standardization.normalized()).sum(SAMPLE_AXIS));
    INDArray gradNormalized = gradRows.mulRowVector(getParam(GAMMA));
    return standardization.backward(gradNormalized).reshape('c', inputShape);
  }

  /** {@code values} viewed in C order as {@code [N, F]}. */
  private INDArray bySample(INDArray values) {
    return values.reshape('c', inputShape[0], -1);
  }
}
