package dev.descent.engine.data;

import dev.descent.engine.spec.DatasetSpec;
import dev.descent.engine.spec.FashionMnistFolder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Fashion-MNIST from its folder ({@link FashionMnistFolder}): a seeded random subset of {@code trainSubset} training
 * images and of {@code testSubset} test images, the latter the validation part. Pixels are scaled to [0, 1].
 */
final class FashionMnist {
  private static final float MAX_PIXEL = 255f;

  private FashionMnist() {}

  static TrainingData load(DatasetSpec spec, long seed) {
    Path folder = FashionMnistFolder.location();
    Samples train = part(folder, FashionMnistFolder.TRAIN_IMAGES, FashionMnistFolder.TRAIN_LABELS,
        spec.trainSubset(), seed);
    Samples test = part(folder, FashionMnistFolder.TEST_IMAGES, FashionMnistFolder.TEST_LABELS,
        spec.testSubset(), seed + 1);
    return new TrainingData(train, test);
  }

  private static Samples part(Path folder, String images, String labels, int count, long seed) {
    byte[][] pixels = IdxFiles.read(folder.resolve(images), 3);
    byte[][] classes = IdxFiles.read(folder.resolve(labels), 1);
    int[] rows = firstOfPermutation(pixels.length, count, new Random(seed));
    float[][] x = new float[rows.length][];
    int[] y = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = new float[pixels[rows[i]].length];
      for (int p = 0; p < x[i].length; p++) {
        x[i][p] = (pixels[rows[i]][p] & 0xff) / MAX_PIXEL;
      }
      y[i] = classes[rows[i]][0];
    }
    return Samples.classification(x, y, FashionMnistFolder.CLASSES);
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
