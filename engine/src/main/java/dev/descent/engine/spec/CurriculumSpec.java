package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A curriculum ({@code /curriculum}; Bengio, Louradour, Collobert and Weston, "Curriculum learning", ICML 2009): the
 * training examples ordered from easy to hard by their loss under a scoring model, {@code scoredBy} {@value #LOSS}
 * (the job's own initial network: as initialised from the seed, or as warm-started) or a job id (that job's
 * {@code checkpoint}: {@value #BEST} by default, else its final one; the service resolves it at submit and stores the
 * checkpoint's id, as it does for a warm start). Epoch e (0-based) trains on the easiest {@link #size} examples.
 */
@JsonPropertyOrder({"type", "scoredBy", "checkpoint", "startFraction", "epochsToFull"})
public record CurriculumSpec(String type, String scoredBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) String checkpoint, double startFraction, int epochsToFull) {
  public static final String EASY_FIRST = "easy_first";
  public static final String LOSS = "loss";
  public static final String BEST = "best";
  public static final double DEFAULT_START_FRACTION = 0.3;
  public static final int DEFAULT_EPOCHS_TO_FULL = 10;

  /** Whether another job's model scores the examples (else the job's initial network). */
  public boolean scoredByJob() {
    return !LOSS.equals(scoredBy);
  }

  /** This curriculum with {@code checkpoint} replaced by the id it resolved to. */
  public CurriculumSpec resolved(String checkpointId) {
    return new CurriculumSpec(type, scoredBy, checkpointId, startFraction, epochsToFull);
  }

  /** f(e) = startFraction + (1 − startFraction) · min(1, e / epochsToFull), the part of the set epoch e trains on. */
  public double fraction(int epoch) {
    return startFraction + (1 - startFraction) * Math.min(1.0, (double) epoch / epochsToFull);
  }

  /**
   * ⌈n · f(e)⌉, at least 1 and at most n: how many of the {@code n} easiest examples epoch {@code epoch} sees. The
   * product is taken 10⁻⁹ lower before rounding up, so that a product that is an integer in exact arithmetic (n = 120,
   * f = 0.475) is not pushed one example higher by the rounding of f.
   */
  public int size(int n, int epoch) {
    double fraction = fraction(epoch);
    return fraction >= 1 ? n : (int) Math.max(1, Math.min(n, Math.ceil(n * fraction - 1e-9)));
  }
}
