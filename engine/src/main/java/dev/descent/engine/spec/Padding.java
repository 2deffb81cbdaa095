package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Zero padding of a convolution: {@code "same"} (output size ⌈input / stride⌉, padding chosen by DL4J's
 * {@code ConvolutionMode.Same}), {@code "valid"} (none) or {@code size} pixels on every side. The canonical JSON is
 * the mode name or the number.
 */
public record Padding(String mode, int size) {
  public static final String SAME = "same";
  public static final String VALID = "valid";
  public static final String EXPLICIT = "explicit";
  /** No padding. */
  public static final Padding NONE = new Padding(VALID, 0);

  public boolean isSame() {
    return SAME.equals(mode);
  }

  /** Output length along one axis for {@code input} values, a {@code kernel} window and {@code stride}. */
  public long outputLength(long input, int kernel, int stride) {
    if (isSame()) {
      return (input + stride - 1) / stride;
    }
    return Math.floorDiv(input + 2L * size - kernel, stride) + 1;
  }

  @JsonValue
  Object json() {
    return EXPLICIT.equals(mode) ? (Object) size : mode;
  }
}
