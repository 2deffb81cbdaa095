package dev.descent.engine.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@link FixedKeysInitializer} whose parameters, in key order, are consecutive C-order blocks of the layer's slice of
 * the flat vector, shaped by {@link #shapes} (their gradients the same blocks of the gradient vector); fresh parameters
 * are set by {@link #initialize}.
 */
public abstract class ViewInitializer extends FixedKeysInitializer {

  protected ViewInitializer(List<String> paramKeys, List<String> weightKeys, List<String> biasKeys) {
    super(paramKeys, weightKeys, biasKeys);
  }

  /** The shape of each parameter of {@code layer}, by key, in flat-vector order. */
  protected abstract Map<String, long[]> shapes(Layer layer);

  /** Sets the initial values of a new layer's parameters. */
  protected abstract void initialize(Layer layer, Map<String, INDArray> params);

  /** Draws a weight array with the layer's weight init, for the given fan-in and fan-out. */
  protected static void drawWeights(FeedForwardLayer layer, INDArray weight, long fanIn, long fanOut) {
    layer.getWeightInitFn().init(fanIn, fanOut, weight.shape(), 'c', weight);
  }

  @Override
  public long numParams(Layer layer) {
    return shapes(layer).values().stream().mapToLong(ViewInitializer::length).sum();
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
    Map<String, INDArray> params = views(conf.getLayer(), paramsView.reshape(paramsView.length()));
    if (initialize) {
      initialize(conf.getLayer(), params);
    }
    return params;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    return views(conf.getLayer(), gradientView.reshape(gradientView.length()));
  }

  private Map<String, INDArray> views(Layer layer, INDArray flat) {
    Map<String, INDArray> views = new LinkedHashMap<>();
    long offset = 0;
    for (Map.Entry<String, long[]> param : shapes(layer).entrySet()) {
      long length = length(param.getValue());
      INDArray block = flat.get(NDArrayIndex.interval(offset, offset + length));
      views.put(param.getKey(), block.reshape('c', param.getValue()));
      offset += length;
    }
    return views;
  }

  private static long length(long[] shape) {
    long length = 1;
    for (long size : shape) {
      length *= size;
    }
    return length;
  }
}
