package dev.descent.engine.layers.conv;

import dev.descent.engine.layers.LayerWiring;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 2-D convolution (cross-correlation, as PyTorch's {@code conv2d}) computed by libnd4j's {@code conv2d} and
 * {@code conv2d_bp} ops ({@link Conv2dLayer}). Configured exactly like DL4J's {@code ConvolutionLayer}, whose settings
 * (kernel, stride, padding, dilation, convolution mode, data format, bias) and parameters it inherits: DL4J's
 * {@code ConvolutionParamInitializer} lays out {@code b} ({@code [nOut]}) then {@code W} ({@code [nOut, nIn, kH, kW]},
 * 'c' order), so a network built with this layer initializes the same values as with DL4J's, and LSUV, weight-init and
 * bias-init code that handles DL4J's convolution handles this one. Old checkpoints that store DL4J's class keep it.
 */
public class Conv2d extends ConvolutionLayer {
  public Conv2d() {
    this(new Builder());
  }

  protected Conv2d(ConvolutionLayer.Builder builder) {
    super(builder);
  }

  @Override
  public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
      INDArray paramsView, boolean initializeParams, DataType dataType) {
    LayerValidation.assertNInNOutSet(getClass().getSimpleName(), getLayerName(), layerIndex, getNIn(), getNOut());
    return LayerWiring.wire(new Conv2dLayer(conf, dataType), conf, listeners, layerIndex, paramsView,
        initializeParams);
  }

  /** Builds a {@link Conv2d}; every setting as DL4J's convolution builder (default kernel 5×5, stride 1). */
  public static class Builder extends ConvolutionLayer.Builder {
    public Builder() {
      super();
    }

    public Builder(int... kernelSize) {
      super(kernelSize);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Conv2d build() {
      ConvolutionUtils.validateConvolutionModePadding(convolutionMode, padding);
      ConvolutionUtils.validateCnnKernelStridePadding(kernelSize, stride, padding);
      return new Conv2d(this);
    }
  }
}
