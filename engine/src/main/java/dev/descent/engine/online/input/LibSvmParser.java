package dev.descent.engine.online.input;

/**
 * Parses LibSVM / SVMlight rows {@code label index:value index:value …} (whitespace separated, a trailing {@code #
 * comment} ignored) into examples of a {@link FeatureSpace}: with index base {@code b} (1 as in LibSVM, or 0), index
 * {@code i} becomes raw index {@code i − b}.
 */
public final class LibSvmParser implements RowParser {
  private final FeatureSpace space;
  private final int indexBase;

  /** Indices 1-based, as LibSVM writes them. */
  public LibSvmParser(FeatureSpace space) {
    this(space, 1);
  }

  /** Indices {@code indexBase}-based: 0 or 1. */
  public LibSvmParser(FeatureSpace space, int indexBase) {
    if (indexBase != 0 && indexBase != 1) {
      throw new IllegalArgumentException("indexBase must be 0 or 1");
    }
    this.space = space;
    this.indexBase = indexBase;
  }

  /** The example of one row; throws {@link IllegalArgumentException} naming the bad token. */
  @Override
  public Example parse(String line) {
    int hash = line.indexOf('#');
    String[] tokens = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
    if (tokens.length == 0 || tokens[0].isEmpty()) {
      throw new IllegalArgumentException("empty row");
    }
    double label = number(tokens[0]);
    long[] indices = new long[tokens.length - 1];
    double[] values = new double[tokens.length - 1];
    for (int j = 1; j < tokens.length; j++) {
      int colon = tokens[j].indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("expected index:value, got '" + tokens[j] + "'");
      }
      indices[j - 1] = index(tokens[j].substring(0, colon)) - indexBase;
      values[j - 1] = number(tokens[j].substring(colon + 1));
    }
    return new Example(space.map(indices, values), label);
  }

  private long index(String token) {
    try {
      long index = Long.parseLong(token);
      if (index < indexBase) {
        throw new IllegalArgumentException("feature index must be >= " + indexBase + ", got " + token);
      }
      return index;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a feature index: '" + token + "'", e);
    }
  }

  static double number(String token) {
    try {
      double value = Double.parseDouble(token);
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("not a finite number: '" + token + "'");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + token + "'", e);
    }
  }
}
