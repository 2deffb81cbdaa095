package dev.descent.engine.training;

import java.util.List;

/**
 * What a learning-rate range test suggests from its (rate, smoothed loss) curve, as fastai's {@code lr_find} does
 * (Smith 2017; Howard &amp; Gugger 2020): {@code steepest}, the rate where the smoothed loss falls fastest against
 * log η (the most negative central difference d loss / d log η), and {@code minimumOverTen}, a tenth of the rate of
 * the lowest smoothed loss ({@code minimum}). All three lie within the tested range. NaN when the curve has fewer
 * than three points.
 */
public record LrSuggestion(double steepest, double minimumOverTen, double minimum) {

  public static LrSuggestion of(List<Double> lrs, List<Double> smoothed) {
    int n = Math.min(lrs.size(), smoothed.size());
    if (n < 3) {
      return new LrSuggestion(Double.NaN, Double.NaN, Double.NaN);
    }
    int lowest = 0;
    for (int i = 1; i < n; i++) {
      if (smoothed.get(i) < smoothed.get(lowest)) {
        lowest = i;
      }
    }
    int steepest = 1;
    double slope = Double.POSITIVE_INFINITY;
    for (int i = 1; i < n - 1; i++) {
      double s = (smoothed.get(i + 1) - smoothed.get(i - 1)) / (Math.log(lrs.get(i + 1)) - Math.log(lrs.get(i - 1)));
      if (s < slope) {
        slope = s;
        steepest = i;
      }
    }
    double minimum = lrs.get(lowest);
    return new LrSuggestion(lrs.get(steepest), Math.max(minimum / 10, lrs.get(0)), minimum);
  }
}
