package dev.descent.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.DatasetKind;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltInDatasetsTests {
  @ParameterizedTest
  @CsvSource({"IRIS, 150", "WINE, 178", "BREAST_CANCER, 569", "DIGITS, 1797", "DIABETES, 442"})
  void loadsVendoredSetWithItsShape(DatasetKind kind, int rows) {
    Samples s = BuiltInDatasets.load(kind);
    assertThat(s.size()).isEqualTo(rows);
    assertThat(s.featureCount()).isEqualTo(kind.defaultFeatures());
    assertThat(s.classes()).isEqualTo(kind.defaultClasses());
    if (s.isClassification()) {
      assertThat(Arrays.stream(s.labels()).distinct().sorted().toArray())
          .containsExactly(java.util.stream.IntStream.range(0, kind.defaultClasses()).toArray());
    } else {
      assertThat(s.targets()[0]).isEqualTo(151f);
    }
  }
}
