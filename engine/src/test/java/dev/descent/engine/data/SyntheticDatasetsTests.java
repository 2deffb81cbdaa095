package dev.descent.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.DatasetSpec;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticDatasetsTests {
  static Stream<DatasetSpec> generators() {
    return Stream.of(
        new DatasetSpec("blobs", 0.2, true, 120, 3, 4, 1.0),
        new DatasetSpec("moons", 0.2, true, 120, 2, 2, 0.1),
        new DatasetSpec("circles", 0.2, true, 120, 2, 2, 0.05),
        new DatasetSpec("spirals", 0.2, true, 120, 2, 3, 0.2),
        new DatasetSpec("regression", 0.2, true, 120, 5, null, 0.1));
  }

  @ParameterizedTest
  @MethodSource("generators")
  void sameSeedSameSamples(DatasetSpec spec) {
    Samples a = SyntheticDatasets.generate(spec, 11);
    Samples b = SyntheticDatasets.generate(spec, 11);
    assertThat(a.features()).isDeepEqualTo(b.features());
    assertThat(a.labels()).isEqualTo(b.labels());
    assertThat(a.targets()).isEqualTo(b.targets());
  }

  @ParameterizedTest
  @MethodSource("generators")
  void otherSeedOtherSamples(DatasetSpec spec) {
    Samples a = SyntheticDatasets.generate(spec, 11);
    Samples b = SyntheticDatasets.generate(spec, 12);
    assertThat(Arrays.deepEquals(a.features(), b.features())).isFalse();
  }

  @ParameterizedTest
  @MethodSource("generators")
  void hasTheShapeTheSpecAsks(DatasetSpec spec) {
    Samples s = SyntheticDatasets.generate(spec, 3);
    assertThat(s.size()).isEqualTo(120);
    assertThat(s.featureCount()).isEqualTo(spec.inputCount());
    assertThat(s.classes()).isEqualTo(spec.classCount());
    if (s.isClassification()) {
      assertThat(Arrays.stream(s.labels()).distinct().count()).isEqualTo(spec.classCount());
    } else {
      assertThat(s.targets()).hasSize(120);
    }
  }
}
