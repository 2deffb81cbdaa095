package dev.descent.engine.data;

import dev.descent.engine.spec.DatasetKind;
import java.util.Random;

/**
 * The synthetic {@code bars} images: {@value DatasetKind#BARS_SIDE}×{@value DatasetKind#BARS_SIDE} one-channel
 * images each holding one bright line of a random position, whose orientation is the class: 0 horizontal,
 * 1 vertical, 2 diagonal (top left to bottom right), 3 anti-diagonal. Pixels on the bar are 1, the rest 0, plus
 * Gaussian noise of standard deviation {@code noise}; classes are balanced (sample i has class i mod 4).
 */
final class Bars {
  static final int CLASSES = 4;
  /** How far a diagonal bar may be shifted off the main diagonal. */
  static final int MAX_DIAGONAL_SHIFT = 2;

  private Bars() {}

  static Samples generate(Random random, int n, double noise) {
    int side = DatasetKind.BARS_SIDE;
    float[][] x = new float[n][side * side];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % CLASSES;
      draw(x[i], y[i], random, side);
      for (int p = 0; p < x[i].length; p++) {
        x[i][p] += (float) (noise * random.nextGaussian());
      }
    }
    return Samples.classification(x, y, CLASSES);
  }

  private static void draw(float[] image, int orientation, Random random, int side) {
    int position = random.nextInt(side);
    int shift = random.nextInt(2 * MAX_DIAGONAL_SHIFT + 1) - MAX_DIAGONAL_SHIFT;
    for (int t = 0; t < side; t++) {
      int row = switch (orientation) {
        case 0 -> position;
        case 1 -> t;
        default -> t + shift;
      };
      int column = switch (orientation) {
        case 0 -> t;
        case 1 -> position;
        case 2 -> t;
        default -> side - 1 - t;
      };
      if (row >= 0 && row < side) {
        image[row * side + column] = 1f;
      }
    }
  }
}
