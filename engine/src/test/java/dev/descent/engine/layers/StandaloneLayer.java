package dev.descent.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One layer instantiated outside a network, in float64, with its own parameter and gradient vectors. */
final class StandaloneLayer {
  private final Layer layer;

  StandaloneLayer(org.deeplearning4j.nn.conf.layers.Layer config) {
    this(config, DataType.DOUBLE);
  }

  /** The layer in {@code dataType}; inputs given to it are cast to that type. */
  StandaloneLayer(org.deeplearning4j.nn.conf.layers.Layer config, DataType dataType) {
    NeuralNetConfiguration conf = new NeuralNetConfiguration.Builder().dataType(dataType).layer(config).build();
    long numParams = conf.getLayer().initializer().numParams(conf);
    // Like DL4J's networks, a layer without parameters gets no parameter or gradient views.
    INDArray params = numParams == 0 ? null : Nd4j.create(dataType, 1, numParams);
    layer = conf.getLayer().instantiate(conf, List.of(), 0, params, true, dataType);
    layer.setBackpropGradientsViewArray(numParams == 0 ? null : Nd4j.create(dataType, 1, numParams));
  }

  INDArray param(String key) {
    return layer.getParam(key);
  }

  void setParam(String key, INDArray value) {
    layer.getParam(key).assign(value.reshape(layer.getParam(key).shape()));
  }

  INDArray forward(INDArray x, boolean training) {
    LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
    layer.setInput(x, noWorkspaces);
    return layer.activate(training, noWorkspaces);
  }

  /** Gradients (by parameter key) and {@code ∂L/∂x} for the upstream gradient {@code dy}. */
  Pair<Gradient, INDArray> backward(INDArray dy) {
    return layer.backpropGradient(dy, LayerWorkspaceMgr.noWorkspaces());
  }
}
