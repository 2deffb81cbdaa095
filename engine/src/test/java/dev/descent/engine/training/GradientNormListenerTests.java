package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.optim.GradientClipping;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class GradientNormListenerTests {
  private static final double LR = 0.1;
  private static final TrainingSpec SPEC = SpecParser.parse("{\"dataset\":{\"name\":\"iris\"},"
      + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":5,\"activation\":\"tanh\"},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"sgd\",\"lr\":" + LR + "},\"epochs\":1}", EngineLimits.DEFAULTS);
  private static final DataSet TRAIN = TrainingData.prepare(SPEC.dataset(), SPEC.seed()).train().toDataSet();

  private static double normAfterOneStep(DataSet batch, MultiLayerNetwork network) {
    GradientNormListener listener = new GradientNormListener(GradientClipping.NONE);
    network.setListeners(listener);
    network.fit(batch);
    return listener.lastNorm();
  }

  @Test
  void isTheNormOfThePlainSgdStepOverTheLearningRate() {
    MultiLayerNetwork network = NetworkFactory.build(SPEC, 1);
    INDArray before = network.params().dup();
    double norm = normAfterOneStep(new DataSet(
        TRAIN.getFeatures().get(NDArrayIndex.interval(0, 16), NDArrayIndex.all()),
        TRAIN.getLabels().get(NDArrayIndex.interval(0, 16), NDArrayIndex.all())), network);
    double stepNorm = network.params().sub(before).norm2Number().doubleValue();
    assertThat(norm).isCloseTo(stepNorm / LR, within(1e-5 * norm));
  }

  @Test
  void doesNotGrowWithTheBatchSize() {
    DataSet one = new DataSet(TRAIN.getFeatures().getRow(0, true), TRAIN.getLabels().getRow(0, true));
    DataSet four = new DataSet(Nd4j.vstack(one.getFeatures(), one.getFeatures(), one.getFeatures(), one.getFeatures()),
        Nd4j.vstack(one.getLabels(), one.getLabels(), one.getLabels(), one.getLabels()));
    double single = normAfterOneStep(one, NetworkFactory.build(SPEC, 1));
    double repeated = normAfterOneStep(four, NetworkFactory.build(SPEC, 1));
    assertThat(four.numExamples()).isEqualTo(4);
    assertThat(repeated).isCloseTo(single, within(1e-5 * single));
  }
}
