package dev.descent.engine.layers.weightnorm;

import static dev.descent.engine.layers.weightnorm.WeightNormConvParamInitializer.DIRECTION;
import static dev.descent.engine.layers.weightnorm.WeightNormConvParamInitializer.SCALE;

import dev.descent.engine.layers.conv.Conv2dLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link WeightNormConvolution} layer: our convolution on libnd4j's ops ({@link Conv2dLayer}), run with the
 * weight {@code w = g · v / ‖v‖} per output channel ({@link WeightNormalization}); its weight gradient {@code ∂L/∂w}
 * is turned into {@code ∂L/∂v} and {@code ∂L/∂g} after the convolution's backward pass.
 */
public final class WeightNormConvolutionLayer extends Conv2dLayer {
  private static final WeightNormalization OUTPUT_CHANNELS = new WeightNormalization(4, 0);

  WeightNormConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray getParamWithNoise(String param, boolean training, LayerWorkspaceMgr workspaceMgr) {
    if (!DIRECTION.equals(param)) {
      return super.getParamWithNoise(param, training, workspaceMgr);
    }
    return OUTPUT_CHANNELS.weight(getParam(DIRECTION), getParam(SCALE));
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    Pair<Gradient, INDArray> result = super.backpropGradient(epsilon, workspaceMgr);
    OUTPUT_CHANNELS.backward(getParam(DIRECTION), getParam(SCALE), gradientViews.get(DIRECTION),
        gradientViews.get(SCALE));
    result.getFirst().setGradientFor(SCALE, gradientViews.get(SCALE));
    return result;
  }
}
