package dev.descent.engine.layers.weightnorm;

import dev.descent.engine.layers.LayerWiring;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 2-D convolution with weight normalization (Salimans &amp; Kingma 2016, arXiv:1602.07868, eq. 2) per output
 * channel: {@code w_o = g_o · v_o / ‖v_o‖}, the norm over (input channels, kernel height, kernel width), learning v,
 * g and the bias. Configured like DL4J's {@code ConvolutionLayer} (kernel, stride, padding, channels, activation);
 * libnd4j's {@code conv2d} ops compute the convolution and its input and weight gradients ({@link
 * dev.descent.engine.layers.conv.Conv2dLayer}), this layer the reparameterization.
 */
public class WeightNormConvolution extends ConvolutionLayer {
  public WeightNormConvolution() {
    this(new Builder());
  }

  private WeightNormConvolution(Builder builder) {
    super(builder);
  }

  @Override
  public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
      INDArray paramsView, boolean initializeParams, DataType dataType) {
    Layer layer = new WeightNormConvolutionLayer(conf, dataType);
    return LayerWiring.wire(layer, conf, listeners, layerIndex, paramsView, initializeParams);
  }

  @Override
  public ParamInitializer initializer() {
    return WeightNormConvParamInitializer.INSTANCE;
  }

  /** Builds a {@link WeightNormConvolution}; kernel, stride, padding and the rest as DL4J's convolution builder. */
  public static final class Builder extends ConvolutionLayer.Builder {
    /** DL4J's default kernel (5×5). */
    public Builder() {
      super();
    }

    public Builder(int... kernelSize) {
      super(kernelSize);
    }

    @Override
    public WeightNormConvolution build() {
      return new WeightNormConvolution(this);
    }
  }
}
