package dev.descent.engine.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.SparseVector;
import dev.descent.engine.online.input.SyntheticSparseStream;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tiny batches: every sample of a batch is scored with the weights from before the batch, then one update with the
 * batch's mean gradient; a batch of one is the per-sample rule exactly.
 */
class OnlineBatchTests {
  private static final SyntheticSparseStream STREAM = new SyntheticSparseStream(203, 50, 5, 0.3, 21);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static OnlineTrainer trainer(List<MetricPoint> metrics, List<WeightSnapshot> snapshots, int batch) {
    return new OnlineTrainer(metrics::add, snapshots::add, CancellationToken.NEVER, new Reporting(1, 50), batch);
  }

  @Test
  void oneOgdBatchStepsAlongTheMeanGradientOfSamplesScoredAtTheSameWeights() throws Exception {
    List<Example> four = StreamSupport.stream(STREAM.spliterator(), false).limit(4).toList();
    List<MetricPoint> metrics = new ArrayList<>();
    OnlineModel model = OnlineSpecs.create(JSON.readTree("{\"algorithm\":\"ogd\",\"eta\":0.5}"), 50);
    trainer(metrics, new ArrayList<>(), 4).train(model, four.iterator());

    double[] expected = new double[50];
    for (Example e : four) {
      double slope = Loss.LOGISTIC.slope(0.0, e.y());
      for (int j = 0; j < e.x().nonzeros(); j++) {
        expected[e.x().indices()[j]] -= 0.5 * slope * e.x().values()[j] / 4;
      }
    }
    assertThat(model.learner().weights()).containsExactly(expected, within(1e-15));
    assertThat(model.learner().steps()).isEqualTo(1);
    assertThat(metrics).filteredOn(p -> p.name().equals("progressive_loss")).singleElement()
        .satisfies(p -> assertThat(p.step()).isEqualTo(4))
        .satisfies(p -> assertThat(p.value()).isCloseTo(Math.log(2), within(1e-15)));
  }

  /** One learner spec per algorithm. */
  static List<String> learners() {
    return List.of(
        "{\"algorithm\":\"ogd\"}",
        "{\"algorithm\":\"tg\",\"gravity\":0.05,\"k\":3}",
        "{\"algorithm\":\"fobos\",\"l1\":0.02}",
        "{\"algorithm\":\"rda\",\"l1\":0.05,\"gamma\":5}",
        "{\"algorithm\":\"ftrl\",\"alpha\":0.2,\"l1\":1,\"l2\":1}");
  }

  @ParameterizedTest
  @MethodSource("learners")
  void aBatchOfOneIsThePerSampleRuleBitForBit(String spec) throws Exception {
    JsonNode json = JSON.readTree(spec);
    List<MetricPoint> single = new ArrayList<>();
    List<MetricPoint> batched = new ArrayList<>();
    OnlineModel a = OnlineSpecs.create(json, 50);
    OnlineModel b = OnlineSpecs.create(json, 50);
    new OnlineTrainer(single::add, s -> {}, CancellationToken.NEVER, new Reporting(1, 50))
        .train(a, STREAM.iterator());
    trainer(batched, new ArrayList<>(), 1).train(b, STREAM.iterator());

    assertThat(b.learner().weights()).containsExactly(a.learner().weights());
    assertThat(batched).containsExactlyElementsOf(single);
  }

  @ParameterizedTest
  @MethodSource("learners")
  void batchesOfFiveMakeOneUpdateEachAndResumeBitIdentically(String spec) throws Exception {
    JsonNode json = JSON.readTree(spec);
    List<WeightSnapshot> straight = new ArrayList<>();
    OnlineModel whole = OnlineSpecs.create(json, 50);
    OnlineResult result = trainer(new ArrayList<>(), straight, 5).train(whole, STREAM.iterator());
    List<WeightSnapshot> resumed = new ArrayList<>();
    OnlineModel again = OnlineSpecs.create(json, 50);
    WeightSnapshot at100 = OnlineSnapshots.decode(OnlineSnapshots.encode(straight.get(1)));
    trainer(new ArrayList<>(), resumed, 5).resume(again, at100, STREAM.iterator());

    assertThat(result.steps()).isEqualTo(203);
    assertThat(whole.learner().steps()).as("40 full batches and one of three").isEqualTo(41);
    assertThat(straight).extracting(WeightSnapshot::step).containsExactly(50L, 100L, 150L, 200L, 203L);
    assertThat(again.learner().steps()).isEqualTo(41);
    assertThat(resumed.get(resumed.size() - 1).state().get("w")).containsExactly(whole.learner().weights());
    assertThat(resumed.get(resumed.size() - 1).progressiveLossSum())
        .isEqualTo(straight.get(straight.size() - 1).progressiveLossSum());
  }

  @Test
  void theMeanGradientOfABatchSumsSharedCoordinates() {
    GradientBatch batch = new GradientBatch();
    batch.add(new SparseVector(4, new int[] {0, 2}, new double[] {1, 2}), 0.5);
    batch.add(new SparseVector(4, new int[] {2, 3}, new double[] {4, 1}), -1.0);
    List<SparseVector> seen = new ArrayList<>();
    List<Double> slopes = new ArrayList<>();
    batch.train(new RecordingLearner(seen, slopes));

    assertThat(seen).singleElement().satisfies(g -> {
      assertThat(g.indices()).containsExactly(0, 2, 3);
      assertThat(g.values()).containsExactly(0.25, (1.0 - 4.0) / 2, -0.5);
    });
    assertThat(slopes).containsExactly(1.0);
    assertThat(batch.size()).isZero();
  }

  /** Records what it is asked to learn. */
  private record RecordingLearner(List<SparseVector> seen, List<Double> slopes) implements OnlineLearner {
    @Override
    public int dimension() {
      return 4;
    }

    @Override
    public double margin(SparseVector x) {
      return 0;
    }

    @Override
    public void update(SparseVector x, double lossSlope) {
      seen.add(x);
      slopes.add(lossSlope);
    }

    @Override
    public double learningRate() {
      return 0;
    }

    @Override
    public double[] weights() {
      return new double[4];
    }

    @Override
    public int nonzeros() {
      return 0;
    }

    @Override
    public long steps() {
      return seen.size();
    }

    @Override
    public java.util.Map<String, double[]> state() {
      return java.util.Map.of();
    }

    @Override
    public void restore(long steps, java.util.Map<String, double[]> state) {}
  }
}
