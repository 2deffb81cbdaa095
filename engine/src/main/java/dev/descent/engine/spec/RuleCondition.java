package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Set;

/**
 * When a rule fires ({@code /rules/i/when}): the recorded points of the metric series {@code metric} (any name the job
 * records) pass {@code test} {@code points} times in a row ({@code for}). Tests: {@value #NONFINITE} (NaN or ±∞),
 * the comparisons {@code >}, {@code <}, {@code >=}, {@code <=} against {@code value}, and {@value #NO_IMPROVEMENT}:
 * {@code points} points in a row without improving on the best so far by more than {@code minDelta}, lower being
 * better with {@code mode} {@value EarlyStoppingSpec#MIN}, higher with {@value EarlyStoppingSpec#MAX} (default:
 * min for names containing "loss" or "mse", else max). {@code value} is null unless the test compares;
 * {@code mode} and {@code minDelta} are null unless it is {@value #NO_IMPROVEMENT}.
 */
@JsonPropertyOrder({"metric", "test", "value", "for", "mode", "minDelta"})
public record RuleCondition(
    String metric,
    String test,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double value,
    @JsonProperty("for") int points,
    @JsonInclude(JsonInclude.Include.NON_NULL) String mode,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double minDelta) {
  public static final String NONFINITE = "nonfinite";
  public static final String NO_IMPROVEMENT = "no_improvement";
  public static final Set<String> COMPARISONS = Set.of(">", "<", ">=", "<=");
  public static final Set<String> TESTS = Set.of(NONFINITE, NO_IMPROVEMENT, ">", "<", ">=", "<=");

  /** True for the tests that compare against {@code value}. */
  public boolean compares() {
    return COMPARISONS.contains(test);
  }

  @JsonIgnore
  public boolean isNoImprovement() {
    return NO_IMPROVEMENT.equals(test);
  }

  /** Whether {@code v} passes a non-finite or comparison test; a comparison with NaN never passes. */
  public boolean holds(double v) {
    return switch (test) {
      case NONFINITE -> !Double.isFinite(v);
      case ">" -> v > value;
      case "<" -> v < value;
      case ">=" -> v >= value;
      case "<=" -> v <= value;
      default -> throw new IllegalStateException(test + " is not a point test");
    };
  }

  /** The default {@code mode} of {@value #NO_IMPROVEMENT} on {@code metric}: min for losses and errors, else max. */
  public static String defaultMode(String metric) {
    String name = metric.toLowerCase(Locale.ROOT);
    return name.contains("loss") || name.contains("mse") ? EarlyStoppingSpec.MIN : EarlyStoppingSpec.MAX;
  }
}
