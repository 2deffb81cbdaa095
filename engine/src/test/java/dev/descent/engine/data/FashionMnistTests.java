package dev.descent.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.descent.engine.data.files.FashionMnistFolder;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.support.FashionMnistPackage;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fashion-MNIST read from the folder the tests point to ({@code descent.datasets.dir}), in seeded subsets. */
class FashionMnistTests {
  @BeforeAll
  static void fashionMnist() throws Exception {
    FashionMnistPackage.ensureInstalled();
  }

  private static final String SPEC = "{\"seed\":5,\"dataset\":{\"name\":\"fashion_mnist\",\"standardize\":false,"
      + "\"trainSubset\":300,\"testSubset\":100},\"model\":{\"layers\":[{\"type\":\"conv2d\",\"filters\":2,"
      + "\"kernel\":5,\"stride\":2},{\"type\":\"output\"}]},\"epochs\":1}";

  @Test
  void readsSeededSubsetsOfBothParts() {
    TrainingSpec spec = SpecParser.parse(SPEC, EngineLimits.DEFAULTS);
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    assertThat(data.train().size()).isEqualTo(300);
    assertThat(data.validation().size()).isEqualTo(100);
    assertThat(data.train().featureCount()).isEqualTo(28 * 28);
    float[] pixels = data.train().features()[0];
    for (float p : pixels) {
      assertThat(p).isBetween(0f, 1f);
    }
    assertThat(pixels).contains(0f).contains(1f);
    assertThat(Arrays.stream(data.train().labels()).distinct().count()).isEqualTo(10);
    TrainingData again = TrainingData.prepare(spec.dataset(), spec.seed());
    assertThat(again.validation().labels()).isEqualTo(data.validation().labels());
    assertThat(SpecParser.parse(SpecParser.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void aMissingFolderIsASpecViolation() {
    String before = System.getProperty(FashionMnistFolder.PROPERTY);
    System.setProperty(FashionMnistFolder.PROPERTY, "/nonexistent/fashion");
    try {
      SpecException e = catchThrowableOfType(() -> SpecParser.parse(SPEC, EngineLimits.DEFAULTS),
          SpecException.class);
      assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/dataset/name");
    } finally {
      if (before == null) {
        System.clearProperty(FashionMnistFolder.PROPERTY);
      } else {
        System.setProperty(FashionMnistFolder.PROPERTY, before);
      }
    }
  }
}
