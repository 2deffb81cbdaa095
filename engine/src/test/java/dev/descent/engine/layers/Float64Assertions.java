package dev.descent.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Element-by-element comparison with the reference tolerance {@code |a − b| ≤ tol · max(1, |b|)}. */
final class Float64Assertions {
  static final double REFERENCE_TOLERANCE = 1e-9;

  private Float64Assertions() {}

  static void assertClose(String what, INDArray actual, INDArray expected, double tolerance) {
    assertThat(actual.shape()).as(what + " shape").containsExactly(expected.shape());
    double[] a = actual.dup('c').data().asDouble();
    double[] b = expected.dup('c').data().asDouble();
    for (int i = 0; i < b.length; i++) {
      double bound = tolerance * Math.max(1, Math.abs(b[i]));
      assertThat(Math.abs(a[i] - b[i])).as("%s[%d]: %s vs %s", what, i, a[i], b[i]).isLessThanOrEqualTo(bound);
    }
  }
}
