package dev.descent.engine.layers;

import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Configuration base of the normalization layers: ε, an activation applied after normalization (identity unless set,
 * so a layer can sit before or after a layer's activation), and input handling. They accept feed-forward
 * {@code [N, F]} and convolutional NCHW {@code [N, C, H, W]} input and return the same shape; {@code nIn = nOut} is
 * the number of features (channels for convolutional input) unless a subclass says otherwise. Like DL4J's own batch
 * normalization, their parameters are not regularized.
 */
public abstract class NormConfig extends FeedForwardLayer {
  /** ε added to the variance under the square root, PyTorch's default. */
  public static final double DEFAULT_EPS = 1e-5;

  private double eps;

  protected NormConfig(Builder<?> builder) {
    super(builder);
    this.eps = builder.eps;
    this.nOut = nIn;
  }

  public double getEps() {
    return eps;
  }

  public void setEps(double eps) {
    this.eps = eps;
  }

  /** Length of γ and β: {@code nIn} (one per feature or channel) unless a subclass says otherwise. */
  public long affineSize() {
    return nIn;
  }

  @Override
  public ParamInitializer initializer() {
    return AffineParamInitializer.INSTANCE;
  }

  /** Creates this configuration's layer implementation. */
  protected abstract Layer createLayer(NeuralNetConfiguration conf, DataType dataType);

  @Override
  public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
      INDArray paramsView, boolean initializeParams, DataType dataType) {
    Layer layer = createLayer(conf, dataType);
    return LayerWiring.wire(layer, conf, listeners, layerIndex, paramsView, initializeParams);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    requireSupported(inputType);
    return inputType;
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {
    requireSupported(inputType);
    if (nIn <= 0 || override) {
      nIn = featureCount(inputType);
    }
    nOut = nIn;
  }

  /** The feature count {@code nIn} for this input: its size, or its channels for convolutional input. */
  protected long featureCount(InputType inputType) {
    return inputType instanceof InputType.InputTypeConvolutional conv
        ? conv.getChannels() : ((InputType.InputTypeFeedForward) inputType).getSize();
  }

  @Override
  public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
    return null;
  }

  @Override
  public List<Regularization> getRegularizationByParam(String paramName) {
    return List.of();
  }

  @Override
  public boolean isPretrainParam(String paramName) {
    return false;
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    long params = initializer().numParams(this);
    long updaterState = initializer().paramKeys(this).stream()
        .mapToLong(key -> getUpdaterByParam(key).stateSize(affineSize())).sum();
    return new LayerMemoryReport.Builder(layerName, getClass(), inputType, inputType)
        .standardMemory(params, updaterState)
        .workingMemory(0, 0, 0, 3 * inputType.arrayElementsPerExample())
        .cacheMemory(0, 0)
        .build();
  }

  private void requireSupported(InputType inputType) {
    boolean feedForward = inputType.getType() == InputType.Type.FF;
    boolean nchw = inputType instanceof InputType.InputTypeConvolutional conv
        && conv.getFormat() == CNN2DFormat.NCHW;
    if (!feedForward && !nchw) {
      throw new IllegalStateException(getClass().getSimpleName() + " (layer " + layerName
          + ") takes feed-forward or NCHW convolutional input, got " + inputType);
    }
  }

  /** Builder base: ε and the activation (identity by default, not the network's default activation). */
  public abstract static class Builder<T extends Builder<T>> extends FeedForwardLayer.Builder<T> {
    private double eps = DEFAULT_EPS;

    protected Builder() {
      this.activationFn = new ActivationIdentity();
    }

    /** ε added to the variance under the square root; default {@value NormConfig#DEFAULT_EPS}. */
    @SuppressWarnings("unchecked")
    public T eps(double eps) {
      this.eps = eps;
      return (T) this;
    }
  }
}
