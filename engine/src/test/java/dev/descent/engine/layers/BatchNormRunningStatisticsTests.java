package dev.descent.engine.layers;

import static dev.descent.engine.layers.Float64Assertions.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.layers.batchnorm.BatchNorm;
import dev.descent.engine.layers.batchnorm.BatchNormParamInitializer;
import dev.descent.engine.support.DoublePrecision;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Batch norm's running statistics in a network trained with SGD, weight decay and gradient clipping: after each step
 * they equal the moving average of the batch statistics, computed here independently; their gradient is zero.
 */
@ExtendWith(DoublePrecision.class)
class BatchNormRunningStatisticsTests {
  private static final double MOMENTUM = 0.25;
  private static final int STEPS = 4;
  private static final int MINIBATCH = 6;
  private static final int FEATURES = 3;

  @Test
  void runningStatisticsAreTheMovingAverageOfBatchStatistics() {
    MultiLayerNetwork net = networkWithBatchNormFirst();
    double[] mean = new double[FEATURES];
    double[] var = {1, 1, 1};
    for (int step = 0; step < STEPS; step++) {
      INDArray x = Nd4j.randn(DataType.DOUBLE, MINIBATCH, FEATURES).muli(step + 1).addi(step);
      net.fit(x, twoClassLabels(step));
      expectMovingAverage(x, mean, var);
      assertClose("running mean, step " + step, net.getLayer(0).getParam(BatchNormParamInitializer.RUNNING_MEAN),
          Nd4j.create(mean), 1e-12);
      assertClose("running var, step " + step, net.getLayer(0).getParam(BatchNormParamInitializer.RUNNING_VAR),
          Nd4j.create(var), 1e-12);
    }
  }

  @Test
  void runningStatisticsHaveTheNoOpUpdater() {
    BatchNorm config = new BatchNorm.Builder().updater(new Sgd(0.5)).build();
    assertThat(config.getUpdaterByParam(BatchNormParamInitializer.RUNNING_MEAN)).isInstanceOf(NoOp.class);
    assertThat(config.getUpdaterByParam(BatchNormParamInitializer.RUNNING_VAR)).isInstanceOf(NoOp.class);
    assertThat(config.getUpdaterByParam(AffineParamInitializer.GAMMA)).isInstanceOf(Sgd.class);
  }

  @Test
  void runningStatisticsGetZeroGradient() {
    MultiLayerNetwork net = networkWithBatchNormFirst();
    net.setInput(Nd4j.randn(DataType.DOUBLE, MINIBATCH, FEATURES));
    net.setLabels(twoClassLabels(0));
    net.computeGradientAndScore();
    assertThat(net.gradient().getGradientFor("0_" + BatchNormParamInitializer.RUNNING_MEAN).maxNumber())
        .isEqualTo(0.0);
    assertThat(net.gradient().getGradientFor("0_" + BatchNormParamInitializer.RUNNING_VAR).maxNumber())
        .isEqualTo(0.0);
    assertThat(net.gradient().getGradientFor("0_" + AffineParamInitializer.BETA).norm2Number().doubleValue())
        .isPositive();
  }

  /** PyTorch's update: mean ← (1 − m) mean + m μ_B, var ← (1 − m) var + m s²_B with the unbiased s²_B. */
  private static void expectMovingAverage(INDArray x, double[] mean, double[] var) {
    for (int f = 0; f < FEATURES; f++) {
      double[] column = x.getColumn(f).toDoubleVector();
      double mu = Arrays.stream(column).average().orElseThrow();
      double squares = Arrays.stream(column).map(v -> (v - mu) * (v - mu)).sum();
      mean[f] = (1 - MOMENTUM) * mean[f] + MOMENTUM * mu;
      var[f] = (1 - MOMENTUM) * var[f] + MOMENTUM * squares / (column.length - 1);
    }
  }

  private static INDArray twoClassLabels(int seed) {
    INDArray labels = Nd4j.zeros(DataType.DOUBLE, MINIBATCH, 2);
    for (int i = 0; i < MINIBATCH; i++) {
      labels.putScalar(i, (i + seed) % 2, 1.0);
    }
    return labels;
  }

  private static MultiLayerNetwork networkWithBatchNormFirst() {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
        .dataType(DataType.DOUBLE).updater(new Sgd(0.5)).weightDecay(0.1)
        .gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(1e-3)
        .list()
        .layer(new BatchNorm.Builder().momentum(MOMENTUM).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX)
            .build())
        .setInputType(InputType.feedForward(FEATURES))
        .build());
    net.init();
    return net;
  }
}
