package dev.descent.engine.layers.residual;

/**
 * Names of a block's parameters: inner layer {@code i}'s parameter {@code key} is {@code "i-key"} (e.g. {@code 0-W},
 * {@code 1-gamma}). No underscore: DL4J's updater splits network-wide gradient keys ({@code "3_0-W"}) at the last
 * underscore into layer and parameter.
 */
record InnerKeys(int layer, String key) {
  private static final char SEPARATOR = '-';

  static String of(int layer, String key) {
    return layer + String.valueOf(SEPARATOR) + key;
  }

  static InnerKeys parse(String blockKey) {
    int at = blockKey.indexOf(SEPARATOR);
    if (at <= 0) {
      throw new IllegalArgumentException("not a residual block parameter: " + blockKey);
    }
    return new InnerKeys(Integer.parseInt(blockKey.substring(0, at)), blockKey.substring(at + 1));
  }
}
