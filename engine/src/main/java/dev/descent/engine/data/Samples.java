package dev.descent.engine.data;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A table of samples: {@code features[i]} with either a class label {@code labels[i]} in [0, classes) or, for
 * regression ({@code classes == 0}), a target {@code targets[i]}; the unused array is null.
 */
public record Samples(float[][] features, int[] labels, float[] targets, int classes) {

  public static Samples classification(float[][] features, int[] labels, int classes) {
    return new Samples(features, labels, null, classes);
  }

  public static Samples regression(float[][] features, float[] targets) {
    return new Samples(features, null, targets, 0);
  }

  public int size() {
    return features.length;
  }

  public int featureCount() {
    return features.length == 0 ? 0 : features[0].length;
  }

  public boolean isClassification() {
    return classes > 0;
  }

  /** Columns of the label matrix: one-hot classes, or the single regression target. */
  public int labelWidth() {
    return isClassification() ? classes : 1;
  }

  /** The rows {@code rows}, in that order (features shared, not copied). */
  public Samples subset(int[] rows) {
    float[][] x = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = features[rows[i]];
    }
    if (isClassification()) {
      int[] y = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        y[i] = labels[rows[i]];
      }
      return classification(x, y, classes);
    }
    float[] t = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      t[i] = targets[rows[i]];
    }
    return regression(x, t);
  }

  /** At most {@code max} samples: all of them, or a subset drawn without replacement by {@code seed}. */
  public Samples sample(int max, long seed) {
    if (size() <= max) {
      return this;
    }
    int[] rows = IntStream.range(0, size()).toArray();
    Shuffle.inPlace(rows, new Random(seed));
    return subset(Arrays.copyOf(rows, max));
  }

  /** The same labels/targets with other features (same row count and order). */
  public Samples withFeatures(float[][] newFeatures) {
    return new Samples(newFeatures, labels, targets, classes);
  }

  /** A float32 DataSet: features {@code [n, f]}, labels one-hot {@code [n, classes]} or targets {@code [n, 1]}. */
  public DataSet toDataSet() {
    INDArray x = Nd4j.createFromArray(features);
    INDArray y = Nd4j.zeros(DataType.FLOAT, size(), labelWidth());
    for (int i = 0; i < size(); i++) {
      if (isClassification()) {
        y.putScalar(i, labels[i], 1f);
      } else {
        y.putScalar(i, 0, targets[i]);
      }
    }
    return new DataSet(x, y);
  }
}
