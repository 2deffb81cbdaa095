package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Set;

/**
 * One rule of a job ({@code /rules/i}): when its condition ({@link RuleCondition}) has held for its number of
 * recorded points, it fires once and does {@code action}: {@value #STOP} (the job ends SUCCEEDED), {@value #FAIL}
 * (FAILED), {@value #PAUSE} (checkpoint and PAUSED), {@value #CHECKPOINT} (a checkpoint of kind {@code rule} now) or
 * {@value #ANNOTATE} (only the timeline event every firing makes). See {@code docs/rules.md}.
 */
@JsonPropertyOrder({"when", "do"})
public record RuleSpec(RuleCondition when, @JsonProperty("do") String action) {
  public static final String STOP = "stop";
  public static final String FAIL = "fail";
  public static final String PAUSE = "pause";
  public static final String CHECKPOINT = "checkpoint";
  public static final String ANNOTATE = "annotate";
  public static final Set<String> ACTIONS = Set.of(STOP, FAIL, PAUSE, CHECKPOINT, ANNOTATE);

  /** True for the actions that end the run: stop, fail and pause. */
  public boolean halts() {
    return STOP.equals(action) || FAIL.equals(action) || PAUSE.equals(action);
  }
}
