package dev.descent.engine.layers.weightnorm;

import dev.descent.engine.layers.LayerWiring;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer with weight normalization (Salimans &amp; Kingma 2016, "Weight Normalization: A Simple
 * Reparameterization to Accelerate Training of Deep Neural Networks", arXiv:1602.07868, eq. 2):
 * {@code w_j = g_j · v_j / ‖v_j‖} per output unit j, {@code y = act(x · W + b)}, learning v, g and b. Configured like
 * DL4J's {@code DenseLayer} ({@code nIn}, {@code nOut}, activation, weight init for v, bias init).
 */
public class WeightNormDense extends FeedForwardLayer {
  public WeightNormDense() {
    this(new Builder());
  }

  private WeightNormDense(Builder builder) {
    super(builder);
  }

  @Override
  public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
      INDArray paramsView, boolean initializeParams, DataType dataType) {
    Layer layer = new WeightNormDenseLayer(conf, dataType);
    return LayerWiring.wire(layer, conf, listeners, layerIndex, paramsView, initializeParams);
  }

  @Override
  public ParamInitializer initializer() {
    return WeightNormParamInitializer.INSTANCE;
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    InputType outputType = getOutputType(-1, inputType);
    return new LayerMemoryReport.Builder(layerName, getClass(), inputType, outputType)
        .standardMemory(initializer().numParams(this), 0)
        .workingMemory(0, 0, 2 * nIn * nOut, 2 * outputType.arrayElementsPerExample())
        .cacheMemory(0, 0)
        .build();
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
