package dev.descent.api.job;

import dev.descent.persistence.checkpoint.CheckpointInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The kinds of checkpoints and which of them a job can continue from. */
public final class CheckpointKinds {
  public static final String PERIODIC = "periodic";
  public static final String FINAL = "final";
  /** Kinds that hold the live training state; Polyak averages are models, not states to resume from. */
  public static final Set<String> RESUMABLE = Set.of(PERIODIC, FINAL);

  private CheckpointKinds() {}

  /** The checkpoint a job continues from: the resumable one with the highest step, the newest among equals. */
  public static Optional<CheckpointInfo> latestResumable(List<CheckpointInfo> checkpoints) {
    return checkpoints.stream()
        .filter(c -> RESUMABLE.contains(c.kind()))
        .max(Comparator.comparingLong(CheckpointInfo::step).thenComparing(CheckpointInfo::createdAt));
  }
}
