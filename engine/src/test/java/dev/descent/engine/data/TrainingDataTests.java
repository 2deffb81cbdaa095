package dev.descent.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.spec.DatasetSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainingDataTests {
  private static final DatasetSpec IRIS = new DatasetSpec("iris", 0.2, true, null, null, null, null);

  @Test
  void splitIsStratifiedAndSeeded() {
    TrainingData a = TrainingData.prepare(IRIS, 5);
    assertThat(a.train().size()).isEqualTo(120);
    assertThat(a.validation().size()).isEqualTo(30);
    for (int k = 0; k < 3; k++) {
      int label = k;
      assertThat(Arrays.stream(a.validation().labels()).filter(l -> l == label).count()).isEqualTo(10);
    }
    assertThat(TrainingData.prepare(IRIS, 5).validation().features()).isDeepEqualTo(a.validation().features());
    assertThat(Arrays.deepEquals(TrainingData.prepare(IRIS, 6).validation().features(),
        a.validation().features())).isFalse();
  }

  @Test
  void standardizesWithTrainingStatistics() {
    Samples train = TrainingData.prepare(IRIS, 5).train();
    for (int j = 0; j < train.featureCount(); j++) {
      double sum = 0;
      double sq = 0;
      for (float[] row : train.features()) {
        sum += row[j];
        sq += row[j] * row[j];
      }
      assertThat(sum / train.size()).isCloseTo(0, within(1e-5));
      assertThat(sq / train.size()).isCloseTo(1, within(1e-4));
    }
  }

  @Test
  void zeroSplitKeepsEverySampleForTraining() {
    TrainingData data = TrainingData.prepare(new DatasetSpec("iris", 0, false, null, null, null, null), 1);
    assertThat(data.train().size()).isEqualTo(150);
    assertThat(data.validation().size()).isZero();
    assertThat(data.train().features()[0][0]).isNotCloseTo(0f, within(0.5f));
  }

  @Test
  void sampleIsASeededSubsetWithoutRepeats() {
    Samples all = TrainingData.prepare(IRIS, 5).train();
    Samples some = all.sample(50, 3);
    assertThat(some.size()).isEqualTo(50);
    assertThat(java.util.Arrays.stream(some.features()).distinct().count()).isEqualTo(50);
    assertThat(all.sample(50, 3).features()).isDeepEqualTo(some.features());
    assertThat(Arrays.deepEquals(all.sample(50, 4).features(), some.features())).isFalse();
    assertThat(all.sample(500, 3)).isSameAs(all);
  }
}
