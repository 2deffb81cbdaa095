package dev.descent.engine.online.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class InputParsingTests {

  @Test
  void libSvmRowsAreOneBasedSortedAndSummed() {
    LibSvmParser parser = new LibSvmParser(FeatureSpace.identity(10));
    Example example = parser.parse("-1 7:0.5 2:1.5 7:0.25 # comment");
    assertThat(example.y()).isEqualTo(-1.0);
    assertThat(example.x().indices()).containsExactly(1, 6);
    assertThat(example.x().values()).containsExactly(1.5, 0.75);
  }

  @Test
  void libSvmRejectsBadTokensAndOutOfRangeIndices() {
    LibSvmParser parser = new LibSvmParser(FeatureSpace.identity(3));
    assertThatThrownBy(() -> parser.parse("1 4:1")).hasMessageContaining("outside [0, 3)");
    assertThatThrownBy(() -> parser.parse("1 0:1")).hasMessageContaining(">= 1");
    assertThatThrownBy(() -> parser.parse("1 2-1")).hasMessageContaining("index:value");
    assertThatThrownBy(() -> parser.parse("x 1:1")).hasMessageContaining("not a number");
  }

  @Test
  void csvRowsSkipTheLabelColumnAndZeros() {
    Example example = new CsvRowParser(FeatureSpace.identity(3), 1).parse("2.5, 1, 0, -3");
    assertThat(example.y()).isEqualTo(1.0);
    assertThat(example.x().indices()).containsExactly(0, 2);
    assertThat(example.x().values()).containsExactly(2.5, -3.0);
  }

  @Test
  void hashingIsSeededDeterministicAndStaysInRange() {
    long[] raw = {3, 1_000_000_007L, 42, 99_999};
    double[] values = {1, 2, 3, 4};
    SparseVector a = new FeatureHasher(16, 7).map(raw, values);
    SparseVector b = new FeatureHasher(16, 7).map(raw, values);
    SparseVector c = new FeatureHasher(1 << 20, 8).map(raw, values);
    assertThat(a).usingRecursiveComparison().isEqualTo(b);
    assertThat(Arrays.stream(a.indices()).allMatch(i -> i >= 0 && i < 16)).isTrue();
    assertThat(Arrays.stream(c.indices()).allMatch(i -> i >= 0 && i < (1 << 20))).isTrue();
    assertThat(c.nonzeros()).isEqualTo(4);
    assertThat(Arrays.stream(c.values()).map(Math::abs).sorted().toArray()).containsExactly(1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void hashingIntoOneBucketAddsSignedValues() {
    SparseVector one = new FeatureHasher(1, 5).map(new long[] {1, 2, 3}, new double[] {1, 1, 1});
    assertThat(one.nonzeros()).isEqualTo(1);
    assertThat(Math.abs(one.values()[0])).isIn(1.0, 3.0);
  }

  @Test
  void syntheticStreamReplaysWithItsSeedAndHasTheAskedSparsity() {
    SyntheticSparseStream stream = new SyntheticSparseStream(2000, 200, 7, 0.1, 3);
    assertThat(Arrays.stream(stream.trueWeights()).filter(w -> w != 0).count()).isEqualTo(7);
    Example first = stream.iterator().next();
    assertThat(stream.iterator().next()).usingRecursiveComparison().isEqualTo(first);
    assertThat(new SyntheticSparseStream(2000, 200, 7, 0.1, 4).iterator().next().x())
        .usingRecursiveComparison()
        .isNotEqualTo(first.x());
    long nonzeros = 0;
    double positives = 0;
    for (Example e : stream) {
      nonzeros += e.x().nonzeros();
      positives += e.y();
      assertThat(e.y()).isIn(0.0, 1.0);
    }
    double density = nonzeros / (2000.0 * 200);
    double standardError = Math.sqrt(0.1 * 0.9 / (2000.0 * 200));
    assertThat(density).isCloseTo(0.1, Offset.offset(5 * standardError));
    assertThat(positives).isBetween(200.0, 1800.0);
  }
}
