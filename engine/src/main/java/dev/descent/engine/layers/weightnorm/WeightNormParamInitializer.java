package dev.descent.engine.layers.weightnorm;

import dev.descent.engine.layers.ViewInitializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Weight-normalized dense parameters, in flat-vector order: direction {@code v} ({@code [nIn, nOut]}, C order, column j
 * for output unit j, drawn by the layer's weight init), scale {@code g} ({@code [nOut]}, initialized to the column
 * norms ‖v_j‖ so that the initial weight equals v, as PyTorch's {@code weight_norm} does) and bias {@code b}
 * ({@code [nOut]}, bias init). v and g are weights for regularization, b is the bias.
 */
public final class WeightNormParamInitializer extends ViewInitializer {
  public static final String DIRECTION = "v";
  public static final String SCALE = "g";
  public static final String BIAS = "b";

  /** The one instance (the initializer keeps no state). */
  public static final WeightNormParamInitializer INSTANCE = new WeightNormParamInitializer();

  private WeightNormParamInitializer() {
    super(List.of(DIRECTION, SCALE, BIAS), List.of(DIRECTION, SCALE), List.of(BIAS));
  }

  @Override
  protected Map<String, long[]> shapes(Layer layer) {
    WeightNormDense dense = (WeightNormDense) layer;
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put(DIRECTION, new long[] {dense.getNIn(), dense.getNOut()});
    shapes.put(SCALE, new long[] {dense.getNOut()});
    shapes.put(BIAS, new long[] {dense.getNOut()});
    return shapes;
  }

  @Override
  protected void initialize(Layer layer, Map<String, INDArray> params) {
    WeightNormDense dense = (WeightNormDense) layer;
    INDArray direction = params.get(DIRECTION);
    drawWeights(dense, direction, dense.getNIn(), dense.getNOut());
    params.get(SCALE).assign(direction.norm2(0));
    params.get(BIAS).assign(dense.getBiasInit());
  }
}
