package dev.descent.engine.layers.conv;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link Pool2d} layer: one {@code maxpool2d}/{@code avgpool2d} op forward into the activations workspace and one
 * {@code *_bp} op backward into the activation-gradient workspace, the output shape computed here rather than asked of
 * the op. libnd4j's extra argument of average pooling is 1 to count padded zeros in the divisor, 0 not to.
 */
public class Pool2dLayer extends SubsamplingLayer {
  public Pool2dLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    if (input.rank() != 4) {
      throw new IllegalArgumentException("Pool2d takes rank-4 input, got shape "
          + java.util.Arrays.toString(input.shape()) + " " + layerId());
    }
    INDArray x = input.castTo(dataType);
    Windows windows = windows(x);
    long channels = x.size(windows.formatArg() == 0 ? 1 : 3);
    INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
        windows.outputShape(x.size(0), channels), 'c');
    Nd4j.exec(DynamicCustomOp.builder(opName(false)).addInputs(x).addOutputs(y)
        .addIntegerArguments(windows.poolArgs(extra())).build());
    return y;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray x = input.castTo(dataType);
    INDArray gradX = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
    Nd4j.exec(DynamicCustomOp.builder(opName(true)).addInputs(x, epsilon.castTo(dataType)).addOutputs(gradX)
        .addIntegerArguments(windows(x).poolArgs(extra())).build());
    return new Pair<>(new DefaultGradient(), gradX);
  }

  private String opName(boolean backward) {
    String name = layerConf().getPoolingType() == PoolingType.MAX ? "maxpool2d" : "avgpool2d";
    return backward ? name + "_bp" : name;
  }

  private int extra() {
    return layerConf().getPoolingType() == PoolingType.AVG && layerConf().isAvgPoolIncludePadInDivisor() ? 1 : 0;
  }

  private Windows windows(INDArray x) {
    return Windows.of(x, layerConf().getKernelSize(), layerConf().getStride(), layerConf().getPadding(),
        layerConf().getDilation(), convolutionMode, layerConf().getCnn2dDataFormat());
  }
}
