package dev.descent.engine.layers.layernorm;

import dev.descent.engine.layers.NormConfig;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Layer normalization (Ba, Kiros &amp; Hinton 2016, "Layer Normalization", arXiv:1607.06450, eq. 4) over all F features
 * of a sample (F = C·H·W for NCHW input): {@code y = act(γ ⊙ (x − μ_n) / √(σ²_n + ε) + β)} with biased σ² and ε inside
 * the square root, so a constant or nearly constant sample gives ≈ 0 (DL4J's built-in layer norm has no ε). γ and β
 * are elementwise, of the normalized shape ({@code [F]}, or {@code [C, H, W]} flattened in C order), as PyTorch's
 * {@code LayerNorm(normalized_shape)}. {@code nIn} is F, inferred from the input type when the network has one.
 */
public class LayerNorm extends NormConfig {
  public LayerNorm() {
    this(new Builder());
  }

  private LayerNorm(Builder builder) {
    super(builder);
  }

  /** All features of a sample: F, or C·H·W for convolutional input. */
  @Override
  protected long featureCount(InputType inputType) {
    return inputType.arrayElementsPerExample();
  }

  @Override
  protected Layer createLayer(NeuralNetConfiguration conf, DataType dataType) {
    return new LayerNormLayer(conf, dataType);
  }

  /** Builds a {@link LayerNorm}. */
  public static final class Builder extends NormConfig.Builder<Builder> {
    @Override
    @SuppressWarnings("unchecked")
    public LayerNorm build() {
      return new LayerNorm(this);
    }
  }
}
