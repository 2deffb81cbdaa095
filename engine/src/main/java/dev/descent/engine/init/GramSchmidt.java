package dev.descent.engine.init;

/**
 * Modified Gram–Schmidt with one re-orthogonalization pass ("twice is enough": Giraud, Langou and Rozložník 2005),
 * in place on {@code count} vectors of {@code length} stored in a flat array: element {@code e} of vector {@code v}
 * at {@code v·vectorStride + e·elementStride}. Equals the Q of a QR decomposition whose R has a positive diagonal.
 */
final class GramSchmidt {
  private GramSchmidt() {}

  static void orthonormalize(double[] a, int count, int length, int elementStride, int vectorStride) {
    for (int v = 0; v < count; v++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int p = 0; p < v; p++) {
          double projection = dot(a, v, p, length, elementStride, vectorStride);
          for (int e = 0; e < length; e++) {
            a[v * vectorStride + e * elementStride] -= projection * a[p * vectorStride + e * elementStride];
          }
        }
      }
      double norm = Math.sqrt(dot(a, v, v, length, elementStride, vectorStride));
      for (int e = 0; e < length; e++) {
        a[v * vectorStride + e * elementStride] /= norm;
      }
    }
  }

  private static double dot(double[] a, int u, int v, int length, int elementStride, int vectorStride) {
    double sum = 0.0;
    for (int e = 0; e < length; e++) {
      sum += a[u * vectorStride + e * elementStride] * a[v * vectorStride + e * elementStride];
    }
    return sum;
  }
}
