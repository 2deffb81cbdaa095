package dev.descent.engine.spec;

/**
 * One Polyak average of a job ({@code averaging[i]}): {@code type} {@value #ARITHMETIC} (the mean of the iterates
 * from iteration {@code start} on) or {@value #EMA} (exponential, {@code decay} α, also from {@code start}).
 * {@code decay} is {@link #DEFAULT_DECAY} for {@code ema} and unused (0) for {@code arithmetic}.
 */
public record AveragingSpec(String type, long start, double decay) {
  public static final String ARITHMETIC = "arithmetic";
  public static final String EMA = "ema";
  public static final long DEFAULT_START = 0;
  public static final double DEFAULT_DECAY = 0.999;
}
