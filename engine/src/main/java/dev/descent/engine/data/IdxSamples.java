package dev.descent.engine.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * A seeded random subset of the images of an IDX image file and its label file, as samples: pixels scaled to
 * [0, 1] (byte / 255), laid out C×H×W (an N×H×W×C file's interleaved channels are moved apart; N×H×W is one channel).
 */
final class IdxSamples {
  private static final float MAX_PIXEL = 255f;

  private IdxSamples() {}

  /** {@code count} images drawn by {@code seed} (the first of a seeded permutation), with labels in [0, classes). */
  static Samples subset(Path images, Path labels, int channels, int count, long seed, int classes) {
    byte[][] pixels = IdxFiles.read(images, 3, 4);
    byte[][] targets = IdxFiles.read(labels, 1);
    if (targets.length != pixels.length) {
      throw new IllegalStateException(labels + " holds " + targets.length + " labels for " + pixels.length
          + " images");
    }
    int[] rows = firstOfPermutation(pixels.length, count, new Random(seed));
    float[][] x = new float[rows.length][];
    int[] y = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = channelsFirst(pixels[rows[i]], channels);
      y[i] = targets[rows[i]][0] & 0xff;
      if (y[i] >= classes) {
        throw new IllegalStateException(labels + ": label " + y[i] + " outside [0, " + classes + ")");
      }
    }
    return Samples.classification(x, y, classes);
  }

  /** One image's bytes (H×W×C, channels interleaved) as C×H×W values in [0, 1]. */
  private static float[] channelsFirst(byte[] pixels, int channels) {
    float[] out = new float[pixels.length];
    int plane = pixels.length / channels;
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < channels; c++) {
        out[c * plane + p] = (pixels[p * channels + c] & 0xff) / MAX_PIXEL;
      }
    }
    return out;
  }

  /** The first {@code count} entries of a seeded Fisher–Yates permutation of {@code 0..n−1}. */
  private static int[] firstOfPermutation(int n, int count, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return Arrays.copyOf(order, count);
  }
}
