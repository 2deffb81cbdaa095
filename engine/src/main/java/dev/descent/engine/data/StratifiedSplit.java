package dev.descent.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A seeded train/validation split. For classification each class is shuffled on its own and
 * {@code round(fraction · count)} of its samples go to validation, so both parts keep the class proportions; for
 * regression the whole set is shuffled once. The training part never ends up empty.
 */
final class StratifiedSplit {
  private StratifiedSplit() {}

  /** {@code [train rows, validation rows]}, each sorted in the order they were drawn. */
  static int[][] split(Samples samples, double fraction, long seed) {
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    for (int[] group : groups(samples)) {
      Shuffle.inPlace(group, random);
      int held = (int) Math.min(Math.round(fraction * group.length), group.length - 1L);
      for (int i = 0; i < group.length; i++) {
        (i < held ? validation : train).add(group[i]);
      }
    }
    return new int[][] {toArray(train), toArray(validation)};
  }

  private static List<int[]> groups(Samples samples) {
    if (!samples.isClassification()) {
      return List.of(IntStream.range(0, samples.size()).toArray());
    }
    List<int[]> groups = new ArrayList<>();
    for (int k = 0; k < samples.classes(); k++) {
      int label = k;
      groups.add(IntStream.range(0, samples.size()).filter(i -> samples.labels()[i] == label).toArray());
    }
    return groups;
  }

  private static int[] toArray(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }
}
