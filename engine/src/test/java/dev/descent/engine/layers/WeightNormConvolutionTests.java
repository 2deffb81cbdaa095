package dev.descent.engine.layers;

import static dev.descent.engine.layers.Float64Assertions.assertClose;

import dev.descent.engine.layers.weightnorm.WeightNormConvParamInitializer;
import dev.descent.engine.layers.weightnorm.WeightNormConvolution;
import dev.descent.engine.support.DoublePrecision;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The weight-normalized convolution computes DL4J's convolution with {@code w_o = g_o · v_o / ‖v_o‖}, the weight built
 * here element by element, and starts from {@code w = v}.
 */
@ExtendWith(DoublePrecision.class)
class WeightNormConvolutionTests {
  private static final double TOLERANCE = 1e-12;

  @Test
  void outputIsTheConvolutionWithTheNormalizedWeight() {
    MultiLayerNetwork weightNormed = TestNetworks.conv(convolution(true), new NoOp());
    INDArray direction = weightNormed.getLayer(1).getParam(WeightNormConvParamInitializer.DIRECTION);
    INDArray scale = Nd4j.rand(DataType.DOUBLE, direction.size(0)).addi(0.5);
    weightNormed.getLayer(1).getParam(WeightNormConvParamInitializer.SCALE).assign(scale);
    MultiLayerNetwork plain = TestNetworks.conv(convolution(false), new NoOp());
    copySharedParams(weightNormed, plain);
    plain.getLayer(1).getParam(WeightNormConvParamInitializer.DIRECTION).assign(normalizedByLoops(direction, scale));
    INDArray x = TestNetworks.features(true, 3, 21);
    assertClose("output", weightNormed.output(x), plain.output(x), TOLERANCE);
  }

  @Test
  void initialWeightEqualsTheDirection() {
    MultiLayerNetwork weightNormed = TestNetworks.conv(convolution(true), new NoOp());
    MultiLayerNetwork plain = TestNetworks.conv(convolution(false), new NoOp());
    copySharedParams(weightNormed, plain);
    INDArray x = TestNetworks.features(true, 3, 22);
    assertClose("output", weightNormed.output(x), plain.output(x), TOLERANCE);
  }

  /** Every parameter of {@code to} from the parameter of the same name in {@code from}. */
  private static void copySharedParams(MultiLayerNetwork from, MultiLayerNetwork to) {
    to.paramTable().forEach((key, value) -> value.assign(from.getParam(key)));
  }

  private static Layer convolution(boolean weightNormalized) {
    ConvolutionLayer.Builder builder = weightNormalized ? new WeightNormConvolution.Builder(2, 2)
        : new ConvolutionLayer.Builder(2, 2);
    return builder.nOut(3).activation(Activation.TANH).build();
  }

  /** {@code w[o,i,h,k] = g[o] · v[o,i,h,k] / sqrt(Σ_{i,h,k} v[o,i,h,k]²)}. */
  private static INDArray normalizedByLoops(INDArray direction, INDArray scale) {
    double[] v = direction.dup('c').reshape(-1).toDoubleVector();
    double[] w = new double[v.length];
    int unitSize = v.length / (int) direction.size(0);
    for (int start = 0, unit = 0; start < v.length; start += unitSize, unit++) {
      double squares = 0;
      for (int j = start; j < start + unitSize; j++) {
        squares += v[j] * v[j];
      }
      for (int j = start; j < start + unitSize; j++) {
        w[j] = scale.getDouble(unit) * v[j] / Math.sqrt(squares);
      }
    }
    return Nd4j.create(w, direction.shape(), 'c');
  }
}
