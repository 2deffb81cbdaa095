package dev.descent.engine.layers.residual;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link ResidualBlock} layer: forward {@code s = x + F(x)}, {@code y = act(s)}, running the inner layers in
 * order; backward {@code ∂L/∂s = act'(s) ⊙ ∂L/∂y}, then back through the inner layers in reverse (each writes its
 * parameter gradients into its view of the block's gradient slice), and {@code ∂L/∂x = ∂L/∂s + ∂L/∂x|_F} (the identity
 * path's epsilon plus F's).
 *
 * <p>Workspaces: the inner layers run with DL4J's no-workspace manager, out of any workspace, so what they keep from
 * the forward to the backward pass (inputs, batch statistics, dropout masks) lives on the heap whatever the network's
 * workspace mode; only the block's output and input gradient enter the network's workspaces. This costs an allocation
 * per inner array and iteration, and keeps the block correct under every workspace mode.
 */
public final class ResidualBlockLayer extends AbstractLayer<ResidualBlock> {
  private final List<Layer> inner;
  private INDArray paramsView;
  private INDArray gradientsView;
  private Map<String, INDArray> params = Map.of();
  private Map<String, INDArray> gradientViews = Map.of();
  private INDArray sum;

  private ResidualBlockLayer(NeuralNetConfiguration conf, DataType dataType, List<Layer> inner) {
    super(conf, dataType);
    this.inner = inner;
  }

  /** The block with its inner layers instantiated on their slices of {@code paramsView} (initialized when asked). */
  static ResidualBlockLayer create(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
      int layerIndex, INDArray paramsView, boolean initializeParams, DataType dataType) {
    ResidualBlock block = (ResidualBlock) conf.getLayer();
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < block.getLayers().size(); i++) {
      layers.add(block.getLayers().get(i).instantiate(block.innerConf(conf, i), List.of(), layerIndex,
          ResidualParamInitializer.slice(block, paramsView, i), initializeParams, dataType));
    }
    ResidualBlockLayer layer = new ResidualBlockLayer(conf, dataType, layers);
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.paramsView = paramsView;
    layer.params = paramsView == null ? Map.of() : block.initializer().init(conf, paramsView, false);
    return layer;
  }

  /** The inner layers' implementations, input to output. */
  public List<Layer> innerLayers() {
    return List.copyOf(inner);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    applyDropOutIfNecessary(training, workspaceMgr);
    INDArray output;
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
      INDArray h = input;
      for (Layer layer : inner) {
        layer.setInput(h, none);
        h = layer.activate(training, none);
      }
      sum = input.add(h);
      output = isIdentity() ? sum : layerConf().getActivationFn().getActivation(sum.dup(), training);
    }
    return workspaceMgr.dup(ArrayType.ACTIVATIONS, output);
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray gradInput;
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
      INDArray gradSum = isIdentity() ? epsilon.dup()
          : layerConf().getActivationFn().backprop(sum.dup(), epsilon).getFirst();
      INDArray g = gradSum.dup();
      for (int i = inner.size() - 1; i >= 0; i--) {
        g = inner.get(i).backpropGradient(g, none).getSecond();
      }
      gradInput = g.add(gradSum);
    }
    gradInput = backpropDropOutIfPresent(gradInput);
    Gradient gradient = new DefaultGradient(gradientsView);
    gradientViews.forEach(gradient::setGradientFor);
    return new Pair<>(gradient, workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, gradInput));
  }

  private boolean isIdentity() {
    return layerConf().getActivationFn() instanceof ActivationIdentity;
  }

  @Override
  public boolean isPretrainLayer() {
    return false;
  }

  @Override
  public Type type() {
    return inner.get(0).type();
  }

  @Override
  public void clearNoiseWeightParams() {
    inner.forEach(Layer::clearNoiseWeightParams);
  }

  @Override
  public void clear() {
    super.clear();
    inner.forEach(Layer::clear);
    sum = null;
  }

  @Override
  public double calcRegularizationScore(boolean backpropParamsOnly) {
    return inner.stream().mapToDouble(layer -> layer.calcRegularizationScore(backpropParamsOnly)).sum();
  }

  @Override
  public boolean updaterDivideByMinibatch(String paramName) {
    InnerKeys key = InnerKeys.parse(paramName);
    return inner.get(key.layer()).updaterDivideByMinibatch(key.key());
  }

  @Override
  public void applyConstraints(int iteration, int epoch) {
    inner.forEach(layer -> layer.applyConstraints(iteration, epoch));
  }

  @Override
  public void setIterationCount(int iterationCount) {
    super.setIterationCount(iterationCount);
    inner.forEach(layer -> layer.setIterationCount(iterationCount));
  }

  @Override
  public void setEpochCount(int epochCount) {
    super.setEpochCount(epochCount);
    inner.forEach(layer -> layer.setEpochCount(epochCount));
  }

  @Override
  public void setCacheMode(CacheMode mode) {
    super.setCacheMode(mode);
    inner.forEach(layer -> layer.setCacheMode(mode));
  }

  @Override
  public void setInputMiniBatchSize(int size) {
    super.setInputMiniBatchSize(size);
    inner.forEach(layer -> layer.setInputMiniBatchSize(size));
  }

  @Override
  public long numParams() {
    return paramsView == null ? 0 : paramsView.length();
  }

  @Override
  public long numParams(boolean backwards) {
    return numParams();
  }

  @Override
  public INDArray params() {
    return paramsView;
  }

  @Override
  public void setParams(INDArray params) {
    if (params != paramsView) {
      paramsView.assign(params);
    }
  }

  @Override
  public void setParamsViewArray(INDArray params) {
    ResidualBlock block = layerConf();
    for (int i = 0; i < inner.size(); i++) {
      INDArray slice = ResidualParamInitializer.slice(block, params, i);
      if (slice != null) {
        inner.get(i).setParamsViewArray(slice);
      }
    }
    paramsView = params;
    this.params = block.initializer().init(conf, params, false);
  }

  @Override
  public INDArray getGradientsViewArray() {
    return gradientsView;
  }

  @Override
  public void setBackpropGradientsViewArray(INDArray gradients) {
    ResidualBlock block = layerConf();
    for (int i = 0; i < inner.size(); i++) {
      INDArray slice = ResidualParamInitializer.slice(block, gradients, i);
      if (slice != null) {
        inner.get(i).setBackpropGradientsViewArray(slice);
      }
    }
    gradientsView = gradients;
    gradientViews = block.initializer().getGradientsFromFlattened(conf, gradients);
  }

  @Override
  public Map<String, INDArray> paramTable() {
    return params;
  }

  @Override
  public Map<String, INDArray> paramTable(boolean backpropParamsOnly) {
    return params;
  }

  @Override
  public void setParamTable(Map<String, INDArray> paramTable) {
    paramTable.forEach(this::setParam);
  }

  @Override
  public INDArray getParam(String param) {
    return params.get(param);
  }

  @Override
  public void setParam(String key, INDArray val) {
    params.get(key).assign(val);
  }
}
