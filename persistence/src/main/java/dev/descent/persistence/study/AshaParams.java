package dev.descent.persistence.study;

import java.util.ArrayList;
import java.util.List;

/**
 * A study's ASHA scheduler as stored: rungs at {@code minEpochs · reductionFactor^k} epochs below {@code maxEpochs},
 * and {@code maxEpochs} as the top (docs/studies.md).
 */
public record AshaParams(int minEpochs, int reductionFactor, int maxEpochs) {
  public AshaParams {
    if (minEpochs < 1 || reductionFactor < 2 || maxEpochs < minEpochs) {
      throw new IllegalArgumentException("bad ASHA parameters " + minEpochs + ", " + reductionFactor + ", "
          + maxEpochs);
    }
  }

  /** The rungs that take decisions, in epochs, ascending: every rung below the top. */
  public List<Integer> decisionRungs() {
    List<Integer> rungs = new ArrayList<>();
    for (long r = minEpochs; r < maxEpochs; r *= reductionFactor) {
      rungs.add((int) r);
    }
    return rungs;
  }
}
