package dev.descent.engine.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Z-scores features with statistics of one part of the data: {@code x' = (x − μ) / σ} per feature, {@code μ} and
 * {@code σ} (population standard deviation) taken from the part given to {@link #fit}; a constant feature
 * ({@code σ = 0}) is only centred.
 */
final class Standardizer implements FeatureStep {
  static final byte TAG = 'S';

  private final double[] mean;
  private final double[] std;

  private Standardizer(double[] mean, double[] std) {
    this.mean = mean;
    this.std = std;
  }

  static Standardizer fit(Samples samples) {
    int d = samples.featureCount();
    double[] mean = new double[d];
    double[] sq = new double[d];
    for (float[] row : samples.features()) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
        sq[j] += (double) row[j] * row[j];
      }
    }
    double[] std = new double[d];
    int n = Math.max(1, samples.size());
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
      double variance = Math.max(0, sq[j] / n - mean[j] * mean[j]);
      std[j] = variance > 0 ? Math.sqrt(variance) : 1;
    }
    return new Standardizer(mean, std);
  }

  @Override
  public float[] apply(float[] row) {
    float[] out = new float[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = (float) ((row[j] - mean[j]) / std[j]);
    }
    return out;
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeByte(TAG);
    FeatureStep.writeVector(out, mean);
    FeatureStep.writeVector(out, std);
  }

  static Standardizer read(DataInputStream in) throws IOException {
    return new Standardizer(FeatureStep.readVector(in), FeatureStep.readVector(in));
  }
}
