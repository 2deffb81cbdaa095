package dev.descent.engine.layers.residual;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * A residual block's configuration: inner layers F (ordinary DL4J layer configurations, e.g. convolution, our batch
 * norm, convolution) and the activation applied after the sum, {@code y = act(x + F(x))} (ReLU unless set, as in He
 * et al. 2016). F must give back its input's type (checked when the network is built); no preprocessors run inside.
 * Updater, regularization and pretraining questions about the block's parameter {@code "i-key"} are answered by inner
 * layer i for its {@code key}, so batch norm's running statistics keep their NoOp updater. The inner layers must have
 * been configured by the network's global builder ({@link #configureLayers}) before the network is built.
 */
public class ResidualBlock extends Layer {
  private List<Layer> layers = new ArrayList<>();
  private IActivation activationFn = new ActivationReLU();

  public ResidualBlock() {}

  private ResidualBlock(Builder builder) {
    this.layers = new ArrayList<>(builder.layers);
    this.activationFn = builder.activation;
    this.layerName = builder.name;
  }

  public List<Layer> getLayers() {
    return layers;
  }

  public void setLayers(List<Layer> layers) {
    this.layers = new ArrayList<>(layers);
  }

  public IActivation getActivationFn() {
    return activationFn;
  }

  public void setActivationFn(IActivation activationFn) {
    this.activationFn = activationFn;
  }

  /**
   * The configurations that carry updaters and regularizations: a block's inner layers, or {@code layer} itself for
   * any other layer.
   */
  public static List<Layer> expand(Layer layer) {
    return layer instanceof ResidualBlock block ? List.copyOf(block.layers) : List.of(layer);
  }

  /** Gives every inner layer the network's defaults (updater, weight init, …), as DL4J does for top-level layers. */
  public ResidualBlock configureLayers(NeuralNetConfiguration.Builder global) {
    layers.forEach(inner -> global.clone().layer(inner).build());
    return this;
  }

  /** Inner layer i's own network configuration: the block's, with the inner layer in place of the block. */
  NeuralNetConfiguration innerConf(NeuralNetConfiguration blockConf, int i) {
    NeuralNetConfiguration conf = blockConf.clone();
    conf.setLayer(layers.get(i));
    conf.clearVariables();
    return conf;
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType dataType) {
    return ResidualBlockLayer.create(conf, listeners, layerIndex, paramsView, initializeParams, dataType);
  }

  @Override
  public ParamInitializer initializer() {
    return ResidualParamInitializer.INSTANCE;
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    InputType type = inputType;
    for (Layer inner : layers) {
      type = inner.getOutputType(layerIndex, type);
    }
    if (!type.equals(inputType)) {
      throw new IllegalStateException("residual block (layer " + layerName + ") turns " + inputType + " into "
          + type + "; its layers must keep their input's shape");
    }
    return inputType;
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {
    InputType type = inputType;
    for (Layer inner : layers) {
      if (inner.getPreProcessorForInputType(type) != null) {
        throw new IllegalStateException("residual block (layer " + layerName + "): inner layer " + inner
            + " cannot take " + type + " without a preprocessor");
      }
      inner.setNIn(type, override);
      type = inner.getOutputType(-1, type);
    }
  }

  @Override
  public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
    return layers.isEmpty() ? null : layers.get(0).getPreProcessorForInputType(inputType);
  }

  @Override
  public List<Regularization> getRegularizationByParam(String paramName) {
    InnerKeys key = InnerKeys.parse(paramName);
    return layers.get(key.layer()).getRegularizationByParam(key.key());
  }

  @Override
  public boolean isPretrainParam(String paramName) {
    InnerKeys key = InnerKeys.parse(paramName);
    return layers.get(key.layer()).isPretrainParam(key.key());
  }

  @Override
  public IUpdater getUpdaterByParam(String paramName) {
    InnerKeys key = InnerKeys.parse(paramName);
    return layers.get(key.layer()).getUpdaterByParam(key.key());
  }

  /** None at the block: clipping is the training loop's, on the whole gradient. */
  @Override
  public GradientNormalization getGradientNormalization() {
    return GradientNormalization.None;
  }

  @Override
  public double getGradientNormalizationThreshold() {
    return 0;
  }

  @Override
  public void setDataType(DataType dataType) {
    layers.forEach(inner -> inner.setDataType(dataType));
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    long params = initializer().numParams(this);
    return new LayerMemoryReport.Builder(layerName, getClass(), inputType, inputType)
        .standardMemory(params, 0)
        .workingMemory(0, 0, 0, (layers.size() + 2L) * inputType.arrayElementsPerExample())
        .cacheMemory(0, 0)
        .build();
  }

  @Override
  public ResidualBlock clone() {
    ResidualBlock clone = (ResidualBlock) super.clone();
    clone.layers = new ArrayList<>(layers.stream().map(Layer::clone).toList());
    return clone;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidualBlock other && super.equals(o) && layers.equals(other.layers)
        && Objects.equals(activationFn, other.activationFn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), layers, activationFn);
  }

  /** Builds a {@link ResidualBlock}. */
  public static final class Builder {
    private final List<Layer> layers = new ArrayList<>();
    private IActivation activation = new ActivationReLU();
    private String name;

    /** Appends inner layers, input to output. */
    public Builder layers(Layer... inner) {
      layers.addAll(List.of(inner));
      return this;
    }

    /** The activation after the sum; ReLU unless set. */
    public Builder activation(IActivation activation) {
      this.activation = activation;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public ResidualBlock build() {
      if (layers.isEmpty()) {
        throw new IllegalStateException("a residual block needs at least one layer");
      }
      return new ResidualBlock(this);
    }
  }
}
