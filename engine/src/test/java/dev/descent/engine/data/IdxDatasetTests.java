package dev.descent.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.Shape;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.support.FashionMnistPackage;
import dev.descent.engine.support.IdxTestFolder;
import dev.descent.engine.support.RecordingContext;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idx} datasets loaded from their folder: Fashion-MNIST's real files, and channel layout of 4-d files. */
class IdxDatasetTests {
  @BeforeAll
  static void fashionMnist() throws Exception {
    FashionMnistPackage.ensureInstalled();
  }

  private static final String LAYERS = "\"model\":{\"layers\":[{\"type\":\"conv2d\",\"filters\":2,\"kernel\":3},"
      + "{\"type\":\"output\"}]},\"epochs\":1";

  @TempDir Path temp;

  private static TrainingSpec parse(String dataset) {
    return SpecParser.parse("{\"seed\":5,\"dataset\":" + dataset + "," + LAYERS + "}", EngineLimits.DEFAULTS);
  }

  @Test
  void theFashionMnistFolderReadAsIdxGivesTheFashionMnistLoadersSamples() {
    TrainingSpec idx = parse("{\"name\":\"idx\",\"folder\":\"fashion-mnist\",\"standardize\":false,"
        + "\"trainSubset\":400,\"testSubset\":150}");
    TrainingSpec fashion = parse("{\"name\":\"fashion_mnist\",\"standardize\":false,\"trainSubset\":400,"
        + "\"testSubset\":150}");
    assertThat(idx.dataset().imageShape()).contains(Shape.image(1, 28, 28));
    assertThat(idx.dataset().classCount()).isEqualTo(10);
    TrainingData fromIdx = TrainingData.prepare(idx.dataset(), idx.seed());
    TrainingData fromLoader = TrainingData.prepare(fashion.dataset(), fashion.seed());
    assertThat(fromIdx.train().size()).isEqualTo(400);
    assertThat(fromIdx.validation().size()).isEqualTo(150);
    assertThat(fromIdx.train().featureCount()).isEqualTo(784);
    assertThat(fromIdx.train().labels()).isEqualTo(fromLoader.train().labels());
    assertThat(fromIdx.validation().labels()).isEqualTo(fromLoader.validation().labels());
    assertThat(fromIdx.train().features()).isDeepEqualTo(fromLoader.train().features());
    assertThat(fromIdx.validation().features()).isDeepEqualTo(fromLoader.validation().features());
  }

  @Test
  void theFullFashionMnistFolderIsTheDefaultSubset() {
    TrainingSpec idx = parse("{\"name\":\"idx\",\"folder\":\"fashion-mnist\"}");
    assertThat(idx.dataset().trainSubset()).isEqualTo(60_000);
    assertThat(idx.dataset().testSubset()).isEqualTo(10_000);
  }

  @Test
  void interleavedChannelsOfFourDimensionalFilesAreLaidOutChannelsFirst() throws IOException {
    int n = 9;
    int side = 3;
    int channels = 3;
    try (IdxTestFolder data = new IdxTestFolder(temp)) {
      data.mnistLike("rgb", n, new int[] {side, side, channels}, 3, false);
      TrainingSpec spec = parse("{\"name\":\"idx\",\"folder\":\"rgb\",\"standardize\":false}");
      Samples train = TrainingData.prepare(spec.dataset(), spec.seed()).train();
      assertThat(train.size()).isEqualTo(n);
      int plane = side * side;
      for (int s = 0; s < n; s++) {
        float[] x = train.features()[s];
        int i = Math.round(x[0] * 255) / 7;
        assertThat(train.labels()[s]).isEqualTo(i % 3);
        for (int c = 0; c < channels; c++) {
          for (int p = 0; p < plane; p++) {
            assertThat(x[c * plane + p]).isEqualTo(((7 * i + p * channels + c) % 256) / 255f);
          }
        }
      }
    }
  }

  @Test
  void aCnnTrainsOnThreeChannelImagesOfAFourDimensionalFolder() throws IOException {
    try (IdxTestFolder data = new IdxTestFolder(temp)) {
      data.mnistLike("rgb8", 60, new int[] {8, 8, 3}, 3, true);
      TrainingSpec spec = SpecParser.parse("{\"seed\":5,\"dataset\":{\"name\":\"idx\",\"folder\":\"rgb8\"},"
          + "\"model\":{\"layers\":[{\"type\":\"conv2d\",\"filters\":4,\"kernel\":3},{\"type\":\"output\"}]},"
          + "\"epochs\":2,\"batchSize\":20}", EngineLimits.DEFAULTS);
      assertThat(SpecParser.parameterCount(spec)).isEqualTo(3 * 9 * 4 + 4 + 4 * 6 * 6 * 3 + 3);
      RecordingContext rec = new RecordingContext();
      TrainingOutcome outcome = new TrainingEngine().run(spec, rec.context());
      assertThat(outcome.status()).as(outcome.failureMessage()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
      assertThat(rec.values("val_loss")).hasSize(2).allMatch(Double::isFinite);
    }
  }
}
