package dev.descent.engine.layers.residual;

import dev.descent.engine.layers.ParamKeysInitializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A residual block's parameters: inner layer 0's, then layer 1's, …, each under {@code "i-key"} ({@link InnerKeys}),
 * in the inner layer's own order. The block's slice of the network's flat vector is cut into consecutive slices, one
 * per inner layer with parameters; each inner layer's initializer makes its views of its slice, so every parameter and
 * gradient is a view of the network's flat vectors. {@link #init} only makes views: the inner layers initialize their
 * own values when instantiated ({@link ResidualBlockLayer#create}).
 */
public final class ResidualParamInitializer extends ParamKeysInitializer {
  /** The one instance (the initializer keeps no state). */
  public static final ResidualParamInitializer INSTANCE = new ResidualParamInitializer();

  private ResidualParamInitializer() {}

  @Override
  public long numParams(Layer layer) {
    return ((ResidualBlock) layer).getLayers().stream().mapToLong(inner -> inner.initializer().numParams(inner)).sum();
  }

  @Override
  public List<String> paramKeys(Layer layer) {
    return keys(layer, (inner, init) -> init.paramKeys(inner));
  }

  @Override
  public List<String> weightKeys(Layer layer) {
    return keys(layer, (inner, init) -> init.weightKeys(inner));
  }

  @Override
  public List<String> biasKeys(Layer layer) {
    return keys(layer, (inner, init) -> init.biasKeys(inner));
  }

  @Override
  public boolean isWeightParam(Layer layer, String key) {
    InnerKeys k = InnerKeys.parse(key);
    Layer inner = ((ResidualBlock) layer).getLayers().get(k.layer());
    return inner.initializer().isWeightParam(inner, k.key());
  }

  @Override
  public boolean isBiasParam(Layer layer, String key) {
    InnerKeys k = InnerKeys.parse(key);
    Layer inner = ((ResidualBlock) layer).getLayers().get(k.layer());
    return inner.initializer().isBiasParam(inner, k.key());
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
    return views(conf, paramsView, (innerConf, slice) -> innerConf.getLayer().initializer()
        .init(innerConf, slice, false));
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    return views(conf, gradientView, (innerConf, slice) -> innerConf.getLayer().initializer()
        .getGradientsFromFlattened(innerConf, slice));
  }

  /** Inner layer i's slice of the block's flat {@code view} ({@code [1, n]} or {@code [n]}), or null without params. */
  static INDArray slice(ResidualBlock block, INDArray view, int i) {
    long offset = 0;
    for (int j = 0; j < i; j++) {
      Layer inner = block.getLayers().get(j);
      offset += inner.initializer().numParams(inner);
    }
    Layer inner = block.getLayers().get(i);
    long n = inner.initializer().numParams(inner);
    if (n == 0 || view == null) {
      return null;
    }
    INDArrayIndex range = NDArrayIndex.interval(offset, offset + n);
    return view.rank() == 2 ? view.get(NDArrayIndex.interval(0, 0, true), range) : view.get(range);
  }

  private static Map<String, INDArray> views(NeuralNetConfiguration conf, INDArray view,
      BiFunction<NeuralNetConfiguration, INDArray, Map<String, INDArray>> innerViews) {
    ResidualBlock block = (ResidualBlock) conf.getLayer();
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (int i = 0; i < block.getLayers().size(); i++) {
      INDArray slice = slice(block, view, i);
      if (slice != null) {
        int layer = i;
        innerViews.apply(block.innerConf(conf, i), slice).forEach((k, v) -> out.put(InnerKeys.of(layer, k), v));
      }
    }
    return out;
  }

  private static List<String> keys(Layer layer, BiFunction<Layer, ParamInitializer, List<String>> innerKeys) {
    List<String> out = new ArrayList<>();
    List<Layer> layers = ((ResidualBlock) layer).getLayers();
    for (int i = 0; i < layers.size(); i++) {
      for (String key : innerKeys.apply(layers.get(i), layers.get(i).initializer())) {
        out.add(InnerKeys.of(i, key));
      }
    }
    return out;
  }
}
