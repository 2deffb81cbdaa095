package dev.descent.engine.spec;

/**
 * A learning-rate range test (task {@value #TASK}; Smith, "Cyclical Learning Rates for Training Neural Networks",
 * WACV 2017, §3.3): the model, data and optimizer type of {@code training} trained for {@code steps} updates while
 * the rate grows each update from {@code minLr} to {@code maxLr}, exponentially
 * (ηₜ = η_min·(η_max/η_min)^(t/(steps−1))) or linearly. The loss is smoothed with an exponential moving average of
 * weight {@code smoothing} (bias-corrected),
 * and the run stops once the smoothed loss exceeds {@code divergeFactor} × its minimum. Read by
 * {@link LrRangeTestSpecReader}; {@code training} is the spec as written, every default filled (its own rate is
 * ignored), {@code run} the same with the growing rate as its schedule, which the test trains.
 */
public record LrRangeTestSpec(TrainingSpec training, TrainingSpec run, double minLr, double maxLr, int steps,
    String mode,
    double smoothing, double divergeFactor) implements JobSpec {
  public static final String TASK = "lr_range_test";
  public static final String FIELD = "lrRangeTest";
  public static final String EXPONENTIAL = "exponential";
  public static final String LINEAR = "linear";

  @Override
  public String name() {
    return training.name();
  }

  @Override
  public int priority() {
    return training.priority();
  }

  @Override
  public int maxAttempts() {
    return training.maxAttempts();
  }

  @Override
  public int keepLast() {
    return training.keepLast();
  }
}
