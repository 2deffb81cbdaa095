package dev.descent.engine.layers.weightnorm;

import dev.descent.engine.layers.FixedKeysInitializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public final class WeightNormParamInitializer extends FixedKeysInitializer {
  public static final String DIRECTION = "v";
  public static final String SCALE = "g";
  public static final String BIAS = "b";

  /** The one instance (the initializer keeps no state). */
  public static final WeightNormParamInitializer INSTANCE = new WeightNormParamInitializer();

  private WeightNormParamInitializer() {
    super(List.of(DIRECTION, SCALE, BIAS), List.of(DIRECTION, SCALE), List.of(BIAS));
  }

  @Override
  public long numParams(Layer layer) {
    WeightNormDense dense = (WeightNormDense) layer;
    return (dense.getNIn() + 2) * dense.getNOut();
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
