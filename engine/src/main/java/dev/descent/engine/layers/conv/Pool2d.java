package dev.descent.engine.layers.conv;

import dev.descent.engine.layers.LayerWiring;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2-D max or average pooling computed by libnd4j's {@code maxpool2d}/{@code avgpool2d} ops and their backward ops
 * ({@link Pool2dLayer}). Configured like DL4J's {@code SubsamplingLayer} (kernel, stride, padding, dilation,
 * convolution mode, data format), which it extends so that input types and shape inference work unchanged. Unlike
 * DL4J's layer, the inherited {@code avgPoolIncludePadInDivisor} means what it says, PyTorch's
 * {@code count_include_pad}: true (the default here, as in PyTorch) divides every window by kH·kW, padded zeros
 * included; false divides by the number of real inputs in the window. Only MAX and AVG pooling are supported.
 */
public class Pool2d extends SubsamplingLayer {
  public Pool2d() {
    this(new Builder(org.deeplearning4j.nn.conf.layers.PoolingType.MAX));
  }

  protected Pool2d(Builder builder) {
    super(builder);
  }

  @Override
  public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
      INDArray paramsView, boolean initializeParams, DataType dataType) {
    requireSupported(getPoolingType());
    return LayerWiring.wire(new Pool2dLayer(conf, dataType), conf, listeners, layerIndex, paramsView,
        initializeParams);
  }

  // Fully qualified: inside this class the simple name PoolingType is the inherited legacy enum.
  static void requireSupported(org.deeplearning4j.nn.conf.layers.PoolingType type) {
    if (type != org.deeplearning4j.nn.conf.layers.PoolingType.MAX
        && type != org.deeplearning4j.nn.conf.layers.PoolingType.AVG) {
      throw new IllegalArgumentException("Pool2d supports MAX and AVG pooling, not " + type);
    }
  }

  /** Builds a {@link Pool2d}; settings as DL4J's subsampling builder, plus {@link #countIncludePad}. */
  public static class Builder extends SubsamplingLayer.Builder {
    public Builder(org.deeplearning4j.nn.conf.layers.PoolingType type) {
      super(type);
      this.avgPoolIncludePadInDivisor = true;
    }

    /** Average pooling: whether padded zeros count in the divisor (PyTorch's {@code count_include_pad}). */
    public Builder countIncludePad(boolean include) {
      this.avgPoolIncludePadInDivisor = include;
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Pool2d build() {
      requireSupported(poolingType);
      ConvolutionUtils.validateConvolutionModePadding(convolutionMode, padding);
      ConvolutionUtils.validateCnnKernelStridePadding(kernelSize, stride, padding);
      return new Pool2d(this);
    }
  }
}
