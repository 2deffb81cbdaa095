package dev.descent.api.study;

import java.util.List;

/** Mean, sample standard deviation (n − 1; null when n < 2) and count of some values; mean null when none. */
public record Stat(Double mean, Double sd, int n) {

  static Stat of(List<Double> values) {
    int n = values.size();
    if (n == 0) {
      return new Stat(null, null, 0);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n < 2) {
      return new Stat(mean, null, 1);
    }
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new Stat(mean, Math.sqrt(squares / (n - 1)), n);
  }
}
