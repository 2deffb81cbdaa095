package dev.descent.engine.data;

import java.util.Random;

/** The Fisher–Yates shuffle (Durstenfeld, CACM 7(7), 1964): for i from n−1 down to 1, swap a[i] with a[U{0..i}]. */
final class Shuffle {
  private Shuffle() {}

  static void inPlace(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
