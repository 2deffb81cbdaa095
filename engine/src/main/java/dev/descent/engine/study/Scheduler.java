package dev.descent.engine.study;

import java.util.ArrayList;
import java.util.List;

/**
 * A search's ASHA scheduler (Li et al. 2020): rungs at {@code minEpochs · reductionFactor^k} epochs below
 * {@code maxEpochs}, and {@code maxEpochs} itself as the top. Every trial runs with {@code epochs = maxEpochs} and a
 * {@code pause} rule per rung below the top ({@link PauseSchedule#pauseRules}); the study ticker promotes or prunes
 * it there.
 */
public record Scheduler(String type, int minEpochs, int reductionFactor, int maxEpochs) implements PauseSchedule {
  public static final String ASHA = "asha";

  /** The rungs in epochs, ascending, the last one {@code maxEpochs}. */
  public List<Integer> rungs() {
    List<Integer> rungs = new ArrayList<>();
    for (long r = minEpochs; r < maxEpochs; r *= reductionFactor) {
      rungs.add((int) r);
    }
    rungs.add(maxEpochs);
    return rungs;
  }

  @Override
  public Integer fixedEpochs() {
    return maxEpochs;
  }

  /** Every rung below the top. */
  @Override
  public List<Integer> pauses() {
    List<Integer> rungs = rungs();
    return rungs.subList(0, rungs.size() - 1);
  }
}
