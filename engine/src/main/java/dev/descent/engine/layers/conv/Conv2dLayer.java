package dev.descent.engine.layers.conv;

import dev.descent.engine.layers.Activations;
import dev.descent.engine.layers.Scratch;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/**
 * The {@link Conv2d} layer. Forward: one {@code conv2d} op (bias added inside) writing straight into the activations
 * workspace, then the activation in place. Backward: the activation's derivative, then one {@code conv2d_bp} op
 * writing ∂L/∂x into the activation-gradient workspace and ∂L/∂W, ∂L/∂b straight into the gradient views. NCHW and
 * NHWC both run natively (no permuted copies). For a non-identity activation the pre-activation is kept from the
 * forward pass in a buffer outside the workspaces, reused while the shape stays; a backward pass without it
 * recomputes it. The weight comes from {@code getParamWithNoise}, so subclasses may reparameterize it (weight
 * normalization).
 */
public class Conv2dLayer extends ConvolutionLayer {
  private static final String W = ConvolutionParamInitializer.WEIGHT_KEY;
  private static final String B = ConvolutionParamInitializer.BIAS_KEY;

  private final Scratch scratch = new Scratch();
  private final GemmConvolution gemm = new GemmConvolution();
  private boolean preActivationValid;

  public Conv2dLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  /**
   * With the identity the convolution writes into the activations workspace; otherwise into the kept
   * pre-activation buffer, and the activation from there into the workspace.
   */
  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    validateInputRank();
    applyDropOutIfNecessary(training, workspaceMgr);
    IActivation activation = layerConf().getActivationFn();
    if (Activations.isIdentity(activation)) {
      return preOutput(training, false, workspaceMgr).getFirst();
    }
    INDArray z = convolve(training, workspaceMgr, shape -> scratch.get("z", dataType, shape));
    preActivationValid = true;
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, z.shape(), 'c');
    return Activations.forward(activation, z, out, training);
  }

  @Override
  protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop,
      LayerWorkspaceMgr workspaceMgr) {
    return new Pair<>(convolve(training, workspaceMgr,
        shape -> workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c')), null);
  }

  /** The convolution {@code z} of the input, into the array {@code output} gives for its shape. */
  private INDArray convolve(boolean training, LayerWorkspaceMgr workspaceMgr, Function<long[], INDArray> output) {
    assertInputSet(false);
    INDArray x = input.castTo(dataType);
    INDArray weights = getParamWithNoise(W, training, workspaceMgr);
    validateInputDepth(weights.size(1));
    Windows windows = windows(x);
    INDArray z = output.apply(windows.outputShape(x.size(0), weights.size(0)));
    INDArray bias = hasBias() ? vector(getParamWithNoise(B, training, workspaceMgr)) : null;
    if (GemmConvolution.applies(x, layerConf().getCnn2dDataFormat())) {
      gemm.forward(x, weights, bias, windows, z, training);
      return z;
    }
    INDArray[] inputs = hasBias() ? new INDArray[] {x, weights, bias} : new INDArray[] {x, weights};
    GenericKernels.exec(DynamicCustomOp.builder("conv2d").addInputs(inputs).addOutputs(z)
        .addIntegerArguments(windows.convArgs()).build(), dilated());
    return z;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray x = input.castTo(dataType);
    INDArray weights = getParamWithNoise(W, true, workspaceMgr);
    INDArray gradZ = gradientAtPreActivation(epsilon.castTo(dataType), workspaceMgr);
    INDArray gradX = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
    INDArray gradB = hasBias() ? vector(gradientViews.get(B)) : null;
    if (GemmConvolution.applies(x, layerConf().getCnn2dDataFormat())) {
      gemm.backward(x, weights, gradZ, windows(x), gradX, gradientViews.get(W), gradB);
    } else {
      INDArray[] inputs = hasBias()
          ? new INDArray[] {x, weights, vector(getParamWithNoise(B, true, workspaceMgr)), gradZ}
          : new INDArray[] {x, weights, gradZ};
      INDArray[] outputs = hasBias() ? new INDArray[] {gradX, gradientViews.get(W), gradB}
          : new INDArray[] {gradX, gradientViews.get(W)};
      GenericKernels.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(inputs).addOutputs(outputs)
          .addIntegerArguments(windows(x).convArgs()).build(), dilated());
    }
    Gradient gradient = new DefaultGradient();
    if (hasBias()) {
      gradient.setGradientFor(B, gradientViews.get(B));
    }
    gradient.setGradientFor(W, gradientViews.get(W), 'c');
    weightNoiseParams.clear();
    return new Pair<>(gradient, backpropDropOutIfPresent(gradX));
  }

  /** ∂L/∂z from ∂L/∂y: ε itself for the identity, else through the activation at the kept pre-activation. */
  private INDArray gradientAtPreActivation(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    IActivation activation = layerConf().getActivationFn();
    if (Activations.isIdentity(activation)) {
      return epsilon;
    }
    INDArray z = preActivationValid ? scratch.get("z", dataType, epsilon.shape())
        : preOutput(true, true, workspaceMgr).getFirst();
    preActivationValid = false;
    return Activations.backwardInPlace(activation, z, epsilon);
  }

  /** Dilated convolutions run on libnd4j's generic kernels ({@link GenericKernels}). */
  private boolean dilated() {
    int[] dilation = layerConf().getDilation();
    return dilation[0] != 1 || dilation[1] != 1;
  }

  private Windows windows(INDArray x) {
    return Windows.of(x, layerConf().getKernelSize(), layerConf().getStride(), layerConf().getPadding(),
        layerConf().getDilation(), convolutionMode, layerConf().getCnn2dDataFormat());
  }

  /** The bias (or its gradient) as the rank-1 {@code [nOut]} view the ops take. */
  private static INDArray vector(INDArray bias) {
    return bias.reshape(bias.length());
  }
}
