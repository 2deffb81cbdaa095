package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ClippingAndPlateauTests {
  private static final double LR = 0.5;
  private static final double MAX_NORM = 0.05;

  @Test
  void clippedSgdUpdatesNeverExceedLrTimesMaxNorm() {
    TrainingSpec spec = LoopSpecs.iris("{\"type\":\"sgd\",\"lr\":" + LR + ",\"clip_grad_norm\":" + MAX_NORM + "}",
        3, "");
    List<MetricPoint> metrics = new ArrayList<>();
    List<Double> updateNorms = new ArrayList<>();
    TrainingLoop[] loop = new TrainingLoop[1];
    INDArray[] previous = new INDArray[1];
    LoopPorts ports = new LoopPorts(metrics::add, c -> { }, p -> {
      INDArray now = loop[0].network().params();
      updateNorms.add(now.distance2(previous[0]));
      previous[0] = now.dup();
    }, CancellationToken.NEVER);
    loop[0] = TrainingLoop.create(spec, TrainingData.prepare(spec.dataset(), spec.seed()), null, ports);
    previous[0] = loop[0].network().params().dup();
    loop[0].run();
    List<Double> gradNorms = values(metrics, "grad_norm");
    assertThat(updateNorms).hasSize(24).allMatch(n -> n <= LR * MAX_NORM * (1 + 1e-5));
    assertThat(gradNorms).as("the reported norm is the one before clipping").anyMatch(n -> n > 2 * MAX_NORM);
    assertThat(updateNorms.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
        .isGreaterThan(0.9 * LR * MAX_NORM);
  }

  @Test
  void plateauLowersTheLearningRateAfterAStall() {
    TrainingSpec spec = LoopSpecs.iris("{\"type\":\"sgd\",\"lr\":0.1}", 4, ",\"schedule\":{\"type\":\"plateau\","
        + "\"patience\":0,\"factor\":0.5,\"threshold\":0.9}");
    List<MetricPoint> metrics = new ArrayList<>();
    LoopPorts ports = new LoopPorts(metrics::add, c -> { }, p -> { }, CancellationToken.NEVER);
    TrainingLoop.create(spec, TrainingData.prepare(spec.dataset(), spec.seed()), null, ports).run();
    List<Double> lr = values(metrics, "lr");
    assertThat(lr.subList(0, 16)).containsOnly(0.1);
    assertThat(lr.subList(16, 24)).containsOnly(0.05);
    assertThat(lr.subList(24, 32)).containsOnly(0.025);
  }

  private static List<Double> values(List<MetricPoint> metrics, String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).map(MetricPoint::value).toList();
  }
}
