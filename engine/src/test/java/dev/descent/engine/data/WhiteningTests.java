package dev.descent.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.spec.DatasetSpec;
import dev.descent.engine.spec.Whitening;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Whitening ({@link Whitener}) inside the one {@link Preprocessing}: the whitened training part has identity
 * covariance, ZCA's matrix is symmetric, the fit sees the training part only, and the fitted transform survives
 * {@link Preprocessing#bytes} / {@link Preprocessing#read} bit for bit.
 */
class WhiteningTests {
  private static final long SEED = 7;

  private static DatasetSpec wine(boolean standardize, Whitening whitening) {
    return new DatasetSpec("wine", 0.2, standardize, null, null, null, null)
        .withWhitening(whitening, Whitening.DEFAULT_EPSILON);
  }

  @Test
  void pcaWhitenedTrainingDataHasIdentityCovariance() {
    for (boolean standardize : new boolean[] {false, true}) {
      TrainingData data = TrainingData.prepare(wine(standardize, Whitening.PCA), SEED);
      assertIdentity(covariance(data.train().features()));
      Whitener pca = whitener(data.preprocessing());
      for (double[] row : pca.matrix()) {
        assertThat(row[largest(row)]).as("sign convention").isPositive();
      }
    }
  }

  @Test
  void zcaWhitenedTrainingDataHasIdentityCovarianceThroughASymmetricMatrix() {
    TrainingData data = TrainingData.prepare(wine(false, Whitening.ZCA), SEED);
    assertIdentity(covariance(data.train().features()));
    double[][] w = whitener(data.preprocessing()).matrix();
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w.length; j++) {
        assertThat(w[i][j]).isEqualTo(w[j][i]);
      }
    }
    TrainingData standardized = TrainingData.prepare(wine(true, null), SEED);
    double zca = meanSquaredDistance(TrainingData.prepare(wine(true, Whitening.ZCA), SEED), standardized);
    double pca = meanSquaredDistance(TrainingData.prepare(wine(true, Whitening.PCA), SEED), standardized);
    assertThat(zca).as("ZCA stays closest to the (standardized) inputs").isLessThan(pca);
  }

  @Test
  void theFitSeesTheTrainingPartOnly() {
    DatasetSpec spec = wine(true, Whitening.ZCA);
    TrainingData raw = TrainingData.raw(spec, SEED);
    byte[] fitted = TrainingData.preprocessed(raw, spec).preprocessing().bytes();
    assertThat(TrainingData.prepare(spec, SEED).preprocessing().bytes()).isEqualTo(fitted);

    TrainingData otherValidation = new TrainingData(raw.train(), raw.validation().withFeatures(
        scaled(raw.validation().features(), 3f)));
    assertThat(TrainingData.preprocessed(otherValidation, spec).preprocessing().bytes()).isEqualTo(fitted);
    TrainingData otherTraining = new TrainingData(raw.train().withFeatures(
        scaled(raw.train().features(), 3f)), raw.validation());
    assertThat(TrainingData.preprocessed(otherTraining, spec).preprocessing().bytes()).isNotEqualTo(fitted);
  }

  @Test
  void aSavedAndRestoredTransformIsBitIdentical() {
    for (Whitening whitening : Whitening.values()) {
      TrainingData data = TrainingData.prepare(wine(true, whitening), SEED);
      byte[] bytes = data.preprocessing().bytes();
      Preprocessing restored = Preprocessing.read(bytes);
      assertThat(restored.bytes()).isEqualTo(bytes);
      assertThat(TrainingData.prepare(wine(true, whitening), SEED).preprocessing().bytes())
          .as("a refit is deterministic").isEqualTo(bytes);
      TrainingData raw = TrainingData.raw(wine(true, whitening), SEED);
      assertThat(Arrays.deepEquals(restored.apply(raw.validation().features()), data.validation().features()))
          .isTrue();
    }
  }

  @Test
  void withoutStepsRowsPassThrough() {
    Preprocessing none = Preprocessing.fit(new DatasetSpec("iris", 0.2, false, null, null, null, null),
        TrainingData.raw(new DatasetSpec("iris", 0.2, false, null, null, null, null), SEED).train());
    float[][] rows = {{1, 2, 3, 4}};
    assertThat(none.apply(rows)).isSameAs(rows);
    assertThat(Preprocessing.read(none.bytes()).steps()).isEmpty();
  }

  private static Whitener whitener(Preprocessing preprocessing) {
    return (Whitener) preprocessing.steps().get(preprocessing.steps().size() - 1);
  }

  private static void assertIdentity(double[][] covariance) {
    for (int i = 0; i < covariance.length; i++) {
      for (int j = 0; j < covariance.length; j++) {
        assertThat(covariance[i][j]).as("cov[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(2e-3));
      }
    }
  }

  private static double[][] covariance(float[][] rows) {
    int d = rows[0].length;
    double[] mean = new double[d];
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / (double) rows.length;
      }
    }
    double[][] cov = new double[d][d];
    for (float[] row : rows) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / rows.length;
        }
      }
    }
    return cov;
  }

  private static double meanSquaredDistance(TrainingData a, TrainingData b) {
    float[][] x = a.train().features();
    float[][] y = b.train().features();
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        sum += (x[i][j] - y[i][j]) * (x[i][j] - y[i][j]);
      }
    }
    return sum / x.length;
  }

  private static int largest(double[] row) {
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      best = Math.abs(row[j]) > Math.abs(row[best]) ? j : best;
    }
    return best;
  }

  private static float[][] scaled(float[][] rows, float factor) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] *= factor;
      }
    }
    return out;
  }
}
