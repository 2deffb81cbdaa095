package dev.descent.engine.layers.maxout;

import dev.descent.engine.layers.ViewInitializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Maxout parameters, in flat-vector order: the weight {@code W} ({@code [units·pieces, nIn]}, C order; row
 * {@code j·pieces + p} is piece p of unit j; drawn by the layer's weight init with fan-in {@code nIn} and fan-out
 * {@code units·pieces}), then the bias {@code b} ({@code [units·pieces]}, bias init). DL4J's keys {@code W} and
 * {@code b}: W is a weight for regularization, b the bias.
 */
public final class MaxoutParamInitializer extends ViewInitializer {
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
  protected void initialize(Layer layer, Map<String, INDArray> params) {
    Maxout maxout = (Maxout) layer;
    INDArray weight = params.get(WEIGHT);
    maxout.getWeightInitFn().init(maxout.getNIn(), maxout.pieceCount(), weight.shape(), 'c', weight);
    params.get(BIAS).assign(maxout.getBiasInit());
  }

  @Override
  protected Map<String, INDArray> views(Layer layer, INDArray flat) {
    Maxout maxout = (Maxout) layer;
    long nIn = maxout.getNIn();
    long rows = maxout.pieceCount();
    Map<String, INDArray> views = new LinkedHashMap<>();
    views.put(WEIGHT, slice(flat, 0, rows * nIn).reshape('c', rows, nIn));
    views.put(BIAS, slice(flat, rows * nIn, rows));
    return views;
  }
}
