package dev.descent.engine.layers.maxout;

import dev.descent.engine.layers.FixedKeysInitializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Maxout parameters, in flat-vector order: the weight {@code W} ({@code [units·pieces, nIn]}, C order; row
 * {@code j·pieces + p} is piece p of unit j; drawn by the layer's weight init with fan-in {@code nIn} and fan-out
 * {@code units·pieces}), then the bias {@code b} ({@code [units·pieces]}, bias init). DL4J's keys {@code W} and
 * {@code b}: W is a weight for regularization, b the bias.
 */
public final class MaxoutParamInitializer extends FixedKeysInitializer {
  public static final String WEIGHT = DefaultParamInitializer.WEIGHT_KEY;
  public static final String BIAS = DefaultParamInitializer.BIAS_KEY;

  /** The one instance (the initializer keeps no state). */
  public static final MaxoutParamInitializer INSTANCE = new MaxoutParamInitializer();

  private MaxoutParamInitializer() {
    super(List.of(WEIGHT, BIAS), List.of(WEIGHT), List.of(BIAS));
  }

  @Override
  public long numParams(Layer layer) {
    Maxout maxout = (Maxout) layer;
    return (maxout.getNIn() + 1) * maxout.pieceCount();
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
    Map<String, INDArray> params = split(conf, paramsView);
    if (initialize) {
      Maxout maxout = (Maxout) conf.getLayer();
      INDArray weight = params.get(WEIGHT);
      maxout.getWeightInitFn().init(maxout.getNIn(), maxout.pieceCount(), weight.shape(), 'c', weight);
      params.get(BIAS).assign(maxout.getBiasInit());
    }
    return params;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    return split(conf, gradientView);
  }

  private static Map<String, INDArray> split(NeuralNetConfiguration conf, INDArray flatView) {
    Maxout maxout = (Maxout) conf.getLayer();
    long nIn = maxout.getNIn();
    long rows = maxout.pieceCount();
    INDArray flat = flatView.reshape(flatView.length());
    Map<String, INDArray> views = new LinkedHashMap<>();
    views.put(WEIGHT, flat.get(NDArrayIndex.interval(0, rows * nIn)).reshape('c', rows, nIn));
    views.put(BIAS, flat.get(NDArrayIndex.interval(rows * nIn, rows * (nIn + 1))));
    return views;
  }
}
