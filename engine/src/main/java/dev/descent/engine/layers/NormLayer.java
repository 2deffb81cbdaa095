package dev.descent.engine.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Implementation base of this package's layers: {@code y = act(z(x))}. Subclasses compute the pre-activation
 * {@code z} (for a normalization layer: normalized and affine-transformed) and back-propagate {@code ∂L/∂z} to
 * {@code ∂L/∂x}, writing their parameter gradients into the gradient views; this class applies the activation
 * (skipped for identity) and its derivative, and hands results to DL4J's workspaces. Arrays kept from the forward to
 * the backward pass are detached from workspaces ({@link Scratch} arrays where reused).
 *
 * <p>Parameter gradients are sums over the minibatch: DL4J's updater divides them by the minibatch size.
 */
public abstract class NormLayer<C extends FeedForwardLayer> extends BaseLayer<C> {
  private static final int CHANNEL_AXIS = 1;

  private INDArray preActivation;

  protected NormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  /**
   * The pre-activation {@code z}, a new array or one of the layer's {@link Scratch} arrays (not an alias of
   * {@code x}); keeps what {@link #backward} needs.
   */
  protected abstract INDArray forward(INDArray x, boolean training);

  /**
   * {@code ∂L/∂x} from {@code ∂L/∂z} (which it must not modify), a new array or a scratch array; writes every
   * parameter's gradient into {@link #gradientViews}.
   */
  protected abstract INDArray backward(INDArray gradZ);

  /** {@code a} if it has C-order default strides, else a C-order copy. */
  protected static INDArray cOrdered(INDArray a) {
    return Shape.hasDefaultStridesForShape(a) ? a : a.dup('c');
  }

  /** The parameter {@code key} as a vector. */
  protected INDArray paramVector(String key) {
    return getParam(key).reshape(-1);
  }

  @Override
  public Type type() {
    return Type.NORMALIZATION;
  }

  @Override
  public boolean isPretrainLayer() {
    return false;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      preActivation = forward(input, training);
    }
    INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, preActivation.dataType(),
        preActivation.shape(), 'c');
    return Activations.forward(layerConf().getActivationFn(), preActivation, output, training);
  }

  /**
   * The activation's derivative is taken in place on the kept pre-activation, which {@link #forward} may therefore
   * hand out from a reused buffer; a second backward pass needs a new forward pass.
   */
  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    if (preActivation == null) {
      throw new IllegalStateException("backward pass without a forward pass, layer " + layerId());
    }
    INDArray gradInput;
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      INDArray gradZ = Activations.backwardInPlace(layerConf().getActivationFn(), preActivation, epsilon);
      preActivation = null;
      gradInput = backward(gradZ);
    }
    Gradient gradient = new DefaultGradient(gradientsFlattened);
    for (String key : layerConf().initializer().paramKeys(layerConf())) {
      gradient.setGradientFor(key, gradientViews.get(key));
    }
    return new Pair<>(gradient, workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, gradInput));
  }

  /** {@code values} (modified) scaled by {@code scale} along axis 1, the feature or channel axis. */
  protected static INDArray perChannelScale(INDArray values, INDArray scale) {
    Nd4j.getExecutioner().exec(new BroadcastMulOp(values, scale, values, CHANNEL_AXIS));
    return values;
  }

  /** {@code values} (modified) mapped to {@code gamma · values + beta} along axis 1, the feature or channel axis. */
  protected static INDArray perChannelAffine(INDArray values, INDArray gamma, INDArray beta) {
    perChannelScale(values, gamma);
    Nd4j.getExecutioner().exec(new BroadcastAddOp(values, beta, values, CHANNEL_AXIS));
    return values;
  }
}
