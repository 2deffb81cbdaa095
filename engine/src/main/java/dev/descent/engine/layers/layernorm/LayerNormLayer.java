package dev.descent.engine.layers.layernorm;

import dev.descent.engine.layers.ChannelStandardization;
import dev.descent.engine.layers.RowNormLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link LayerNorm} layer: the input C-ordered as {@code [N, F]}, one row per sample, standardized per row on
 * contiguous reductions ({@link ChannelStandardization}), then {@code γ ⊙ x̂ + β} elementwise;
 * {@code ∂L/∂β = Σ_n ∂L/∂y}, {@code ∂L/∂γ = Σ_n ∂L/∂y ⊙ x̂}, {@code ∂L/∂x̂ = γ ⊙ ∂L/∂y}.
 */
public final class LayerNormLayer extends RowNormLayer<LayerNorm> {
  LayerNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType, 0);
  }

  /** One row per sample: {@code [N, F]}. */
  @Override
  protected INDArray rows(INDArray values, long[] inputShape) {
    return values.reshape('c', inputShape[0], -1);
  }

  /** The features are the channels: the rows themselves. */
  @Override
  protected INDArray byChannel(INDArray values, long[] inputShape) {
    return rows(values, inputShape);
  }
}
