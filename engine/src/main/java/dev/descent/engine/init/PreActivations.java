package dev.descent.engine.init;

import dev.descent.engine.layers.residual.ResidualBlockLayer;
import java.util.function.BiConsumer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's input and its pre-activation output {@code B = W ⋆ x + b} (before the nonlinearity) on a batch, for
 * any layer type: the output is the layer's own forward pass with its activation set to identity for the call.
 */
final class PreActivations {
  private PreActivations() {}

  /** What layer {@code index} receives when {@code batch} is fed to the network (its input preprocessor applied). */
  static INDArray input(MultiLayerNetwork network, int index, INDArray batch) {
    INDArray input = network.feedForwardToLayer(index, batch, false).get(index);
    InputPreProcessor preprocessor = network.getLayerWiseConfigurations().getInputPreProcess(index);
    return preprocessor == null
        ? input : preprocessor.preProcess(input, (int) batch.size(0), LayerWorkspaceMgr.noWorkspaces());
  }

  /**
   * Calls {@code visit} on each inner layer of {@code block} in order, with what the layer receives when the block
   * is fed {@code blockInput}: the block's input passed through the inner layers before it (inference mode). A layer
   * is run only after its visit, so a visit that rescales it is seen by the layers after it. Inner layers take no
   * input preprocessors ({@link dev.descent.engine.layers.residual.ResidualBlock} refuses a layer that needs one).
   */
  static void forEachInner(ResidualBlockLayer block, INDArray blockInput, BiConsumer<Layer, INDArray> visit) {
    INDArray input = blockInput;
    for (Layer inner : block.innerLayers()) {
      visit.accept(inner, input);
      input = inner.activate(input, false, LayerWorkspaceMgr.noWorkspaces());
    }
  }

  /** {@code B} for {@code input}, in double precision. */
  static INDArray output(Layer layer, INDArray input) {
    BaseLayer conf = (BaseLayer) layer.conf().getLayer();
    IActivation activation = conf.getActivationFn();
    conf.setActivationFn(new ActivationIdentity());
    try {
      return layer.activate(input, false, LayerWorkspaceMgr.noWorkspaces()).castTo(DataType.DOUBLE);
    } finally {
      conf.setActivationFn(activation);
    }
  }

  /** The population variance over every element (all samples, channels and positions). */
  static double variance(INDArray values) {
    double mean = values.meanNumber().doubleValue();
    return values.mul(values).meanNumber().doubleValue() - mean * mean;
  }
}
