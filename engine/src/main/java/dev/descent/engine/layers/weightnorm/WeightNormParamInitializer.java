package dev.descent.engine.layers.weightnorm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Weight-normalized dense parameters, in flat-vector order: direction {@code v} ({@code [nIn, nOut]}, C order, column j
 * for output unit j, drawn by the layer's weight init), scale {@code g} ({@code [nOut]}, initialized to the column
 * norms ‖v_j‖ so that the initial weight equals v, as PyTorch's {@code weight_norm} does) and bias {@code b}
 * ({@code [nOut]}, bias init). v and g are weights for regularization, b is the bias.
 */
public final class WeightNormParamInitializer implements ParamInitializer {
  public static final String DIRECTION = "v";
  public static final String SCALE = "g";
  public static final String BIAS = "b";

  private static final WeightNormParamInitializer INSTANCE = new WeightNormParamInitializer();

  private WeightNormParamInitializer() {}

  public static WeightNormParamInitializer getInstance() {
    return INSTANCE;
  }

  @Override
  public long numParams(NeuralNetConfiguration conf) {
    return numParams(conf.getLayer());
  }

  @Override
  public long numParams(Layer layer) {
    WeightNormDense dense = (WeightNormDense) layer;
    return (dense.getNIn() + 2) * dense.getNOut();
  }

  @Override
  public List<String> paramKeys(Layer layer) {
    return List.of(DIRECTION, SCALE, BIAS);
  }

  @Override
  public List<String> weightKeys(Layer layer) {
    return List.of(DIRECTION, SCALE);
  }

  @Override
  public List<String> biasKeys(Layer layer) {
    return List.of(BIAS);
  }

  @Override
  public boolean isWeightParam(Layer layer, String key) {
    return DIRECTION.equals(key) || SCALE.equals(key);
  }

  @Override
  public boolean isBiasParam(Layer layer, String key) {
    return BIAS.equals(key);
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
    Map<String, INDArray> params = split(conf, paramsView);
    if (initialize) {
      WeightNormDense dense = (WeightNormDense) conf.getLayer();
      INDArray direction = params.get(DIRECTION);
      dense.getWeightInitFn().init(dense.getNIn(), dense.getNOut(), direction.shape(), 'c', direction);
      params.get(SCALE).assign(direction.norm2(0));
      params.get(BIAS).assign(dense.getBiasInit());
    }
    return params;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    return split(conf, gradientView);
  }

  private static Map<String, INDArray> split(NeuralNetConfiguration conf, INDArray flatView) {
    WeightNormDense dense = (WeightNormDense) conf.getLayer();
    long nIn = dense.getNIn();
    long nOut = dense.getNOut();
    INDArray flat = flatView.reshape(flatView.length());
    Map<String, INDArray> views = new LinkedHashMap<>();
    views.put(DIRECTION, flat.get(NDArrayIndex.interval(0, nIn * nOut)).reshape('c', nIn, nOut));
    views.put(SCALE, flat.get(NDArrayIndex.interval(nIn * nOut, (nIn + 1) * nOut)));
    views.put(BIAS, flat.get(NDArrayIndex.interval((nIn + 1) * nOut, (nIn + 2) * nOut)));
    return views;
  }
}
