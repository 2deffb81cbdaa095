package dev.descent.engine.layers.layernorm;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;

import dev.descent.engine.layers.NormLayer;
import dev.descent.engine.layers.ChannelStandardization;
import dev.descent.engine.layers.Scratch;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link LayerNorm} layer: the input C-ordered as {@code [N, F]}, one row per sample, standardized per row on
 * contiguous reductions ({@link ChannelStandardization}), then {@code γ ⊙ x̂ + β} elementwise;
 * {@code ∂L/∂β = Σ_n ∂L/∂y}, {@code ∂L/∂γ = Σ_n ∂L/∂y ⊙ x̂}, {@code ∂L/∂x̂ = γ ⊙ ∂L/∂y}.
 */
public final class LayerNormLayer extends NormLayer<LayerNorm> {
  private static final int SAMPLE_AXIS = 0;
  private static final int FEATURE_AXIS = 1;

  private final ChannelStandardization rows = new ChannelStandardization(SAMPLE_AXIS, FEATURE_AXIS);
  private final Scratch scratch = new Scratch();
  private long[] inputShape;
  private INDArray normalized;

  LayerNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    inputShape = x.shape();
    INDArray contiguous = Shape.hasDefaultStridesForShape(x) ? x : x.dup('c');
    normalized = rows.forward(bySample(contiguous), null, null, layerConf().getEps());
    INDArray z = scratch.get("z", x.dataType(), normalized.shape());
    ChannelStandardization.scaleShift(normalized, features(GAMMA), features(BETA), FEATURE_AXIS, z);
    return z.reshape('c', inputShape);
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray gradRows = bySample(Shape.hasDefaultStridesForShape(gradZ) ? gradZ : gradZ.dup('c'));
    Nd4j.exec(new Sum(gradRows, gradientViews.get(BETA).reshape(-1), SAMPLE_AXIS));
    Nd4j.exec(new Dot(gradRows, normalized, gradientViews.get(GAMMA).reshape(-1), SAMPLE_AXIS));
    INDArray gradNormalized = scratch.get("gradNormalized", gradZ.dataType(), gradRows.shape());
    ChannelStandardization.scaleShift(gradRows, features(GAMMA), null, FEATURE_AXIS, gradNormalized);
    return rows.backward(gradNormalized, null, null, null).reshape('c', inputShape);
  }

  private INDArray features(String key) {
    return getParam(key).reshape(-1);
  }

  /** {@code values} viewed in C order as {@code [N, F]}. */
  private INDArray bySample(INDArray values) {
    return values.reshape('c', inputShape[0], -1);
  }
}
