package dev.descent.api.job;

import dev.descent.engine.spec.CheckpointPolicy;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.Retention;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A job spec's checkpoint retention (last K, best K by a metric), as the store applies it and the API shows it. */
public final class RetentionPolicy {
  private RetentionPolicy() {}

  public static Retention of(JobSpec spec) {
    if (!(spec instanceof TrainingSpec training)) {
      return new Retention(spec.keepLast(), 0, CheckpointPolicy.DEFAULT_BEST_METRIC, false);
    }
    CheckpointPolicy policy = training.checkpoint();
    String metric = policy.bestMetric();
    boolean higherIsBetter = switch (policy.bestMode()) {
      case "max" -> true;
      case "min" -> false;
      default -> Retention.higherIsBetterByDefault(metric);
    };
    return new Retention(policy.keepLast(), policy.keepBest(), metric, higherIsBetter);
  }

  /** The periodic checkpoints kept as the best K by the policy's metric (finite values only). */
  static Set<UUID> best(List<CheckpointInfo> checkpoints, Retention retention) {
    Comparator<CheckpointInfo> byMetric = Comparator.comparingDouble(c -> c.metrics().get(retention.metric()));
    return checkpoints.stream()
        .filter(c -> c.kind().equals(CheckpointKinds.PERIODIC) && c.metrics() != null
            && c.metrics().containsKey(retention.metric()) && Double.isFinite(c.metrics().get(retention.metric())))
        .sorted(retention.higherIsBetter() ? byMetric.reversed() : byMetric)
        .limit(retention.keepBest())
        .map(CheckpointInfo::id)
        .collect(Collectors.toSet());
  }
}
