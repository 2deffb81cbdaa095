package dev.descent.engine.fullbatch.core;

import java.util.List;
import java.util.stream.IntStream;

/** A parameter group: the index range {@code [from, to)} of the flat parameter vector. */
public record Block(int from, int to) {

  public Block {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("a block needs 0 <= from < to, got [" + from + ", " + to + ")");
    }
  }

  public int size() {
    return to - from;
  }

  /** One block per coordinate of a {@code dimension}-vector. */
  public static List<Block> singletons(int dimension) {
    return IntStream.range(0, dimension).mapToObj(i -> new Block(i, i + 1)).toList();
  }
}
