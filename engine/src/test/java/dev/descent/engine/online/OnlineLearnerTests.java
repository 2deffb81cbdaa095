package dev.descent.engine.online;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.SparseVector;
import dev.descent.engine.online.input.SyntheticSparseStream;
import dev.descent.engine.spi.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class OnlineLearnerTests {

  @Test
  void simpleTruncationZeroesSmallWeightsOnlyEveryKthStep() {
    TruncatedGradient tg = new TruncatedGradient(2, 1.0, 2, 0.0, 0.3, TruncatedGradient.Truncation.SIMPLE);
    tg.update(new SparseVector(2, new int[] {0, 1}, new double[] {0.2, 1.0}), -1.0);
    assertThat(tg.weights()).containsExactly(0.2, 1.0);
    tg.update(new SparseVector(2, new int[] {}, new double[] {}), 0.0);
    assertThat(tg.weights()).containsExactly(0.0, 1.0);
    assertThat(tg.nonzeros()).isEqualTo(1);
  }

  @Test
  void onlineGradientDescentFitsALinearRegression() {
    Random random = new Random(1);
    double[] truth = {1.5, -2.0, 0.5};
    OnlineGradientDescent ogd = new OnlineGradientDescent(3, 0.5);
    for (int t = 0; t < 5000; t++) {
      double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      SparseVector v = SparseVector.ofDense(x);
      double y = v.dot(truth) + 0.01 * random.nextGaussian();
      ogd.update(v, Loss.SQUARED.slope(ogd.margin(v), y));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(ogd.weights()[i]).isCloseTo(truth[i], Offset.offset(0.05));
    }
  }

  @Test
  void trainerScoresBeforeTrainingAndReportsAtTheAskedInterval() {
    List<MetricPoint> metrics = new ArrayList<>();
    List<WeightSnapshot> snapshots = new ArrayList<>();
    Iterable<Example> stream = new SyntheticSparseStream(25, 30, 3, 0.2, 9);
    OnlineModel model = new OnlineModel(new FtrlProximal(30, 0.1, 1, 0.5, 0), Loss.LOGISTIC);
    OnlineResult result =
        new OnlineTrainer(metrics::add, snapshots::add, () -> false, new Reporting(10, 20))
            .train(model, stream.iterator());
    assertThat(result.steps()).isEqualTo(25);
    assertThat(metrics).filteredOn(p -> p.name().equals("progressive_loss")).extracting(MetricPoint::step)
        .containsExactly(10L, 20L, 25L);
    assertThat(metrics.get(0).value()).isEqualTo(Math.log(2), Offset.offset(0.7));
    assertThat(snapshots).extracting(WeightSnapshot::step).containsExactly(20L, 25L);
    assertThat(metrics).extracting(MetricPoint::name).contains("progressive_loss_avg", "nonzero_fraction", "lr");
  }

  @Test
  void trainerStopsWhenCancelled() {
    int[] seen = {0};
    Iterable<Example> stream = new SyntheticSparseStream(100, 10, 2, 0.5, 1);
    OnlineResult result =
        new OnlineTrainer(p -> seen[0]++, s -> {}, () -> seen[0] >= 15, Reporting.EVERY_STEP)
            .train(new OnlineModel(new OnlineGradientDescent(10, 0.1), Loss.LOGISTIC), stream.iterator());
    assertThat(result.cancelled()).isTrue();
    assertThat(result.steps()).isEqualTo(3);
  }
}
