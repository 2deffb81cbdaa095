package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/** A height × width pair (kernel or stride); the canonical JSON is {@code [height, width]}. */
public record Size2(int height, int width) {
  /** A square pair. */
  public static Size2 square(int side) {
    return new Size2(side, side);
  }

  @JsonValue
  int[] json() {
    return new int[] {height, width};
  }
}
