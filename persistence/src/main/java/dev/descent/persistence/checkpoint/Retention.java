package dev.descent.persistence.checkpoint;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which checkpoints of one kind survive pruning: the last {@code keepLast} by step, plus the best {@code keepBest}
 * by the metric {@code metric} (lowest first unless {@code higherIsBetter}). This record is the one place that rule
 * is computed: the store prunes by {@link #kept}, the API marks {@link #best}.
 *
 * <p>Only a finite value of the metric counts: a checkpoint without the metric, or with NaN, +Infinity or -Infinity
 * (an evaluation that diverged or broke), is never "best", whichever way is better; it survives only among the last
 * {@code keepLast}. Equal values rank the higher step first.
 */
public record Retention(int keepLast, int keepBest, String metric, boolean higherIsBetter) {
  /** Metric used for best-K when none is named. */
  public static final String DEFAULT_METRIC = "val_loss";

  /** Whether {@code metric} is better when higher by default: not for names containing "loss" or "mse". */
  public static boolean higherIsBetterByDefault(String metric) {
    String name = metric.toLowerCase(Locale.ROOT);
    return !(name.contains("loss") || name.contains("mse"));
  }

  /** Keeps the last {@code keep} by step only. */
  public static Retention lastOnly(int keep) {
    return new Retention(keep, 0, DEFAULT_METRIC, false);
  }

  /** The ids of the best {@code keepBest} of {@code ofOneKind} by the metric, finite values only. */
  public Set<UUID> best(List<CheckpointInfo> ofOneKind) {
    Comparator<CheckpointInfo> byValue = Comparator.comparingDouble(this::value);
    Comparator<CheckpointInfo> order =
        (higherIsBetter ? byValue.reversed() : byValue).thenComparing(newestFirst());
    return ofOneKind.stream()
        .filter(c -> c.metrics() != null && c.metrics().containsKey(metric) && Double.isFinite(value(c)))
        .sorted(order)
        .limit(Math.max(keepBest, 0))
        .map(CheckpointInfo::id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The ids of {@code ofOneKind} that survive: the last {@code keepLast} by step united with {@link #best}. */
  public Set<UUID> kept(List<CheckpointInfo> ofOneKind) {
    Set<UUID> kept = ofOneKind.stream()
        .sorted(newestFirst())
        .limit(Math.max(keepLast, 0))
        .map(CheckpointInfo::id)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    kept.addAll(best(ofOneKind));
    return kept;
  }

  private double value(CheckpointInfo checkpoint) {
    return checkpoint.metrics().get(metric);
  }

  private static Comparator<CheckpointInfo> newestFirst() {
    return Comparator.comparingLong(CheckpointInfo::step)
        .thenComparing(CheckpointInfo::createdAt)
        .reversed();
  }
}
