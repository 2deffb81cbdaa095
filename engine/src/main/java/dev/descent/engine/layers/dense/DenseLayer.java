package dev.descent.engine.layers.dense;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer of {@link Dense}: a training forward pass keeps a copy of its pre-activation {@code z = x·W + b} (the
 * activation is applied in place, as DL4J does), and backprop uses it instead of computing {@code x·W + b} again, as
 * DL4J's dense layer does. The kept {@code z} is used only for the input it was computed from and while its
 * workspace is open; otherwise, and with layer norm, weight noise or a mask, the layer behaves exactly as DL4J's.
 */
public class DenseLayer extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {
  private INDArray keptZ;
  private INDArray keptFor;

  public DenseLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  private Dense config() {
    return (Dense) conf.getLayer();
  }

  private boolean lean() {
    return !hasLayerNorm() && config().getWeightNoise() == null && maskArray == null;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    keptZ = null;
    if (!training || !lean()) {
      return super.activate(training, workspaceMgr);
    }
    INDArray z = preOutput(true, workspaceMgr);
    keptZ = workspaceMgr.dup(ArrayType.ACTIVATIONS, z);
    keptFor = input;
    return config().getActivationFn().getActivation(z, true);
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (!lean()) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    boolean kept = keptZ != null && keptFor == input && !keptZ.wasClosed();
    INDArray z = kept ? keptZ : preOutput(true, workspaceMgr);
    keptZ = null;
    INDArray delta = config().getActivationFn().backprop(z, epsilon).getFirst();
    Gradient gradient = new DefaultGradient();
    if (hasBias()) {
      INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
      delta.sum(biasGrad, 0);
      gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
    }
    INDArray weights = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
    INDArray epsilonNext = config().isInputGradient() ? inputGradient(weights, delta, workspaceMgr) : null;
    INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
    Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
    gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
    weightNoiseParams.clear();
    return new Pair<>(gradient, epsilonNext == null ? null : backpropDropOutIfPresent(epsilonNext));
  }

  /** {@code δ·Wᵀ}, as DL4J computes it (into an 'f'-ordered activation-gradient array). */
  private static INDArray inputGradient(INDArray weights, INDArray delta, LayerWorkspaceMgr workspaceMgr) {
    INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
        new long[] {weights.size(0), delta.size(0)}, 'f');
    return weights.mmuli(delta.transpose(), epsilonNext).transpose();
  }

  @Override
  public void clear() {
    super.clear();
    keptZ = null;
    keptFor = null;
  }
}
