package dev.descent.engine.layers.weightnorm;

import dev.descent.engine.layers.WeightLayerConfig;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A dense layer with weight normalization (Salimans &amp; Kingma 2016, "Weight Normalization: A Simple
 * Reparameterization to Accelerate Training of Deep Neural Networks", arXiv:1602.07868, eq. 2):
 * {@code w_j = g_j · v_j / ‖v_j‖} per output unit j, {@code y = act(x · W + b)}, learning v, g and b. Configured like
 * DL4J's {@code DenseLayer} ({@code nIn}, {@code nOut}, activation, weight init for v, bias init).
 */
public class WeightNormDense extends WeightLayerConfig {
  public WeightNormDense() {
    this(new Builder());
  }

  private WeightNormDense(Builder builder) {
    super(builder);
  }

  @Override
  protected Layer createLayer(NeuralNetConfiguration conf, DataType dataType) {
    return new WeightNormDenseLayer(conf, dataType);
  }

  @Override
  public ParamInitializer initializer() {
    return WeightNormParamInitializer.INSTANCE;
  }

  @Override
  protected long fixedWorkingMemory() {
    return 2 * nIn * nOut;
  }

  @Override
  protected long workingMemoryPerExample(InputType outputType) {
    return 2 * outputType.arrayElementsPerExample();
  }

  /** Builds a {@link WeightNormDense}. */
  public static final class Builder extends FeedForwardLayer.Builder<Builder> {
    @Override
    @SuppressWarnings("unchecked")
    public WeightNormDense build() {
      return new WeightNormDense(this);
    }
  }
}
