package dev.descent.engine.layers.weightnorm;

import dev.descent.engine.layers.FixedKeysInitializer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Weight-normalized convolution parameters: DL4J's convolution parameters first, where {@code W}
 * ({@code [out, in, kH, kW]}, weight init) holds the direction v and {@code b} the bias, then the scale {@code g}
 * ({@code [out]}, initialized to ‖v_o‖ so that the initial weight equals v).
 */
public final class WeightNormConvParamInitializer extends FixedKeysInitializer {
  public static final String DIRECTION = ConvolutionParamInitializer.WEIGHT_KEY;
  public static final String BIAS = ConvolutionParamInitializer.BIAS_KEY;
  public static final String SCALE = "g";

  private static final ConvolutionParamInitializer CONVOLUTION = ConvolutionParamInitializer.getInstance();
  /** The one instance (the initializer keeps no state). */
  public static final WeightNormConvParamInitializer INSTANCE = new WeightNormConvParamInitializer();

  private WeightNormConvParamInitializer() {
    super(List.of(BIAS, DIRECTION, SCALE), List.of(DIRECTION, SCALE), List.of(BIAS));
  }

  @Override
  public long numParams(Layer layer) {
    return CONVOLUTION.numParams(layer) + ((ConvolutionLayer) layer).getNOut();
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
    INDArray flat = paramsView.reshape(paramsView.length());
    long convolutionParams = CONVOLUTION.numParams(conf);
    Map<String, INDArray> params = new LinkedHashMap<>(
        CONVOLUTION.init(conf, flat.get(NDArrayIndex.interval(0, convolutionParams)), initialize));
    INDArray scale = flat.get(NDArrayIndex.interval(convolutionParams, flat.length()));
    if (initialize) {
      scale.assign(params.get(DIRECTION).norm2(1, 2, 3));
    }
    params.put(SCALE, scale);
    conf.addVariable(SCALE);
    return params;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    INDArray flat = gradientView.reshape(gradientView.length());
    long convolutionParams = CONVOLUTION.numParams(conf);
    Map<String, INDArray> gradients = new LinkedHashMap<>(
        CONVOLUTION.getGradientsFromFlattened(conf, flat.get(NDArrayIndex.interval(0, convolutionParams))));
    gradients.put(SCALE, flat.get(NDArrayIndex.interval(convolutionParams, flat.length())));
    return gradients;
  }
}
