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
  protected Map<String, long[]> shapes(Layer layer) {
    Maxout maxout = (Maxout) layer;
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put(WEIGHT, new long[] {maxout.pieceCount(), maxout.getNIn()});
    shapes.put(BIAS, new long[] {maxout.pieceCount()});
    return shapes;
  }

  @Override
  protected void initialize(Layer layer, Map<String, INDArray> params) {
    Maxout maxout = (Maxout) layer;
    drawWeights(maxout, params.get(WEIGHT), maxout.getNIn(), maxout.pieceCount());
    params.get(BIAS).assign(maxout.getBiasInit());
  }
}
