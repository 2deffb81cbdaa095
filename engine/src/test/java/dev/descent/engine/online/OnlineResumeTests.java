package dev.descent.engine.online;

import static dev.descent.engine.support.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.online.input.SyntheticSparseStream;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A run stopped halfway, saved to bytes and resumed ends bit-identical to the run that never stopped. */
class OnlineResumeTests {
  private static final SyntheticSparseStream STREAM = new SyntheticSparseStream(300, 60, 6, 0.3, 12);

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"algorithm\":\"ogd\"}",
      "{\"algorithm\":\"tg\",\"gravity\":0.05,\"k\":7,\"theta\":0.4}",
      "{\"algorithm\":\"tg\",\"truncation\":\"simple\",\"k\":4,\"theta\":0.05}",
      "{\"algorithm\":\"fobos\",\"l1\":0.02}",
      "{\"algorithm\":\"rda\",\"l1\":0.05,\"gamma\":5}",
      "{\"algorithm\":\"ftrl\",\"alpha\":0.2,\"l1\":1,\"l2\":1}"})
  void resumedRunEndsWhereTheUninterruptedOneDoes(String spec) throws Exception {
    JsonNode json = json(spec);
    List<WeightSnapshot> straight = new ArrayList<>();
    List<MetricPoint> straightMetrics = new ArrayList<>();
    trainer(straightMetrics, straight).train(OnlineSpecs.create(json, 60), STREAM.iterator());

    List<WeightSnapshot> firstHalf = new ArrayList<>();
    trainer(new ArrayList<>(), firstHalf)
        .train(OnlineSpecs.create(json, 60), StreamSupport.stream(STREAM.spliterator(), false).limit(150).iterator());
    WeightSnapshot saved = OnlineSnapshots.decode(OnlineSnapshots.encode(firstHalf.get(firstHalf.size() - 1)));
    List<WeightSnapshot> resumed = new ArrayList<>();
    List<MetricPoint> resumedMetrics = new ArrayList<>();
    trainer(resumedMetrics, resumed).resume(OnlineSpecs.create(json, 60), saved, STREAM.iterator());

    WeightSnapshot expected = straight.get(straight.size() - 1);
    WeightSnapshot actual = resumed.get(resumed.size() - 1);
    assertThat(saved.step()).isEqualTo(150);
    assertThat(actual.step()).isEqualTo(300);
    assertThat(actual.state()).containsOnlyKeys(expected.state().keySet());
    expected.state().forEach((name, values) -> assertThat(actual.state().get(name)).containsExactly(values));
    assertThat(actual.progressiveLossSum()).isEqualTo(expected.progressiveLossSum());
    assertThat(actual.nonzeros()).isEqualTo(expected.nonzeros());
    assertThat(resumedMetrics).containsExactlyElementsOf(straightMetrics.subList(150 * 5, straightMetrics.size()));
  }

  @Test
  void aSnapshotOfAnotherAlgorithmIsRefused() throws Exception {
    List<WeightSnapshot> snapshots = new ArrayList<>();
    OnlineModel ftrl = OnlineSpecs.create(json("{\"algorithm\":\"ftrl\"}"), 60);
    trainer(new ArrayList<>(), snapshots).train(ftrl, STREAM.iterator());
    OnlineModel rda = OnlineSpecs.create(json("{\"algorithm\":\"rda\"}"), 60);
    assertThatThrownBy(() -> trainer(new ArrayList<>(), new ArrayList<>())
            .resume(rda, snapshots.get(0), STREAM.iterator()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gradient_sum");
  }

  private static OnlineTrainer trainer(List<MetricPoint> metrics, List<WeightSnapshot> snapshots) {
    return new OnlineTrainer(metrics::add, snapshots::add, CancellationToken.NEVER, Reporting.EVERY_STEP);
  }
}
