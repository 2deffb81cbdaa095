package dev.descent.engine.model;

import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.WeightInits;
import dev.descent.engine.layers.conv.Conv2d;
import dev.descent.engine.layers.conv.Pool2d;
import dev.descent.engine.layers.weightnorm.WeightNormConvolution;
import dev.descent.engine.spec.AvgPool2dLayerSpec;
import dev.descent.engine.spec.Conv2dLayerSpec;
import dev.descent.engine.spec.MaxPool2dLayerSpec;
import dev.descent.engine.spec.Padding;
import dev.descent.engine.spec.Size2;
import dev.descent.engine.spec.WeightNormConv2dLayerSpec;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/**
 * Layers for the spec's windowed layers: our {@link Conv2d} and {@link Pool2d} on libnd4j's convolution and pooling
 * ops (DL4J's own convolution spends most of its time in a strided im2col copy). {@code "same"} padding is DL4J's
 * {@code ConvolutionMode.Same}; {@code "valid"} and explicit padding use {@code ConvolutionMode.Truncate} (output
 * ⌊(n + 2p − k) / s⌋ + 1).
 * {@code nIn} comes from the network's input types.
 */
final class SpatialLayers {
  private SpatialLayers() {}

  static Layer conv(Conv2dLayerSpec c) {
    return convolution(new Conv2d.Builder(), c.kernel(), c.stride(), c.padding(), c.filters(), c.activation(),
        c.weightInit());
  }

  static Layer weightNormConv(WeightNormConv2dLayerSpec c) {
    return convolution(new WeightNormConvolution.Builder(), c.kernel(), c.stride(), c.padding(), c.filters(),
        c.activation(), c.weightInit());
  }

  static Layer maxPool(MaxPool2dLayerSpec p) {
    return pool(PoolingType.MAX, p.kernel(), p.stride());
  }

  static Layer avgPool(AvgPool2dLayerSpec p) {
    return pool(PoolingType.AVG, p.kernel(), p.stride());
  }

  private static Layer pool(PoolingType type, Size2 kernel, Size2 stride) {
    return new Pool2d.Builder(type)
        .kernelSize(kernel.height(), kernel.width())
        .stride(stride.height(), stride.width())
        .convolutionMode(ConvolutionMode.Truncate)
        .build();
  }

  private static Layer convolution(ConvolutionLayer.Builder builder, Size2 kernel, Size2 stride, Padding padding,
      int filters, String activation, WeightInitSpec weightInit) {
    return window(builder, kernel, stride, padding)
        .nOut(filters)
        .activation(Dl4jNames.ACTIVATIONS.get(activation))
        .weightInit(WeightInits.create(weightInit))
        .build();
  }

  private static ConvolutionLayer.Builder window(ConvolutionLayer.Builder builder, Size2 kernel, Size2 stride,
      Padding padding) {
    builder.kernelSize(kernel.height(), kernel.width()).stride(stride.height(), stride.width());
    if (padding.isSame()) {
      return builder.convolutionMode(ConvolutionMode.Same);
    }
    return builder.convolutionMode(ConvolutionMode.Truncate).padding(padding.size(), padding.size());
  }
}
