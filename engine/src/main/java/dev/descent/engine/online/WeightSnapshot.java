package dev.descent.engine.online;

import java.util.Map;

/**
 * The learner after {@code step} samples: its {@link OnlineLearner#state() state} (weights under {@code "w"}), the
 * sum of the progressive losses so far and the non-zero count; enough for {@link OnlineTrainer#resume} to continue
 * bit-identically. {@link OnlineSnapshots} turns it into bytes and back.
 */
public record WeightSnapshot(long step, double progressiveLossSum, int nonzeros, Map<String, double[]> state) {

  public double[] weights() {
    return state.get(AbstractLearner.WEIGHTS);
  }

  public double progressiveLossAverage() {
    return progressiveLossSum / Math.max(step, 1);
  }
}
