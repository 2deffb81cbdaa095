package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.support.RecordingContext;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PolyakAveragingTests {
  private final TrainingEngine engine = new TrainingEngine();

  /** Linear regression by constant-rate SGD on batches of 4: the iterates jitter around the least-squares optimum. */
  @Test
  void arithmeticAverageEndsCloserToTheOptimumThanTheLastIterate() {
    TrainingSpec spec = SpecParser.parse("{\"dataset\":{\"name\":\"regression\",\"samples\":250,\"features\":5,"
        + "\"noise\":1.0,\"validationSplit\":0.2},\"model\":{\"layers\":[{\"type\":\"output\"}]},"
        + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1},\"epochs\":20,\"batchSize\":4,"
        + "\"averaging\":[{\"type\":\"arithmetic\",\"start\":250},{\"type\":\"ema\",\"decay\":0.99}]}",
        EngineLimits.DEFAULTS);
    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = engine.run(spec, rec.context());
    INDArray optimum = leastSquares(TrainingData.prepare(spec.dataset(), spec.seed()).train());
    double last = distance(LoopSpecs.parameters(LoopSpecs.last(rec.checkpoints, "final")), optimum);
    double arith = distance(LoopSpecs.parameters(LoopSpecs.last(rec.checkpoints, "polyak-arith")), optimum);
    double ema = distance(LoopSpecs.parameters(LoopSpecs.last(rec.checkpoints, "polyak-ema")), optimum);
    System.out.printf("distance to the optimum: last iterate %.3e, arithmetic %.3e, ema %.3e%n", last, arith, ema);
    assertThat(arith).isLessThan(last / 2);
    assertThat(ema).isLessThan(last);
    assertThat(outcome.finalMetrics()).containsKeys("val_mse@polyak-arith", "val_mse@polyak-ema");
    assertThat(rec.values("val_loss@polyak-ema")).hasSize(20);
  }

  /** θ* = argmin ‖Xw + b − y‖², from the normal equations in float64; laid out like DL4J's (W, b). */
  private static INDArray leastSquares(Samples train) {
    int n = train.size();
    int d = train.featureCount();
    INDArray x = Nd4j.ones(DataType.DOUBLE, n, d + 1);
    INDArray y = Nd4j.create(DataType.DOUBLE, n, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x.putScalar(i, j, train.features()[i][j]);
      }
      y.putScalar(i, 0, train.targets()[i]);
    }
    INDArray xt = x.transpose();
    return org.nd4j.linalg.inverse.InvertMatrix.invert(xt.mmul(x), false).mmul(xt).mmul(y).reshape(1, d + 1);
  }

  private static double distance(INDArray parameters, INDArray optimum) {
    return parameters.castTo(DataType.DOUBLE).reshape(1, optimum.length()).distance2(optimum);
  }
}
