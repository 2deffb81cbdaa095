package dev.descent.api.job;

import dev.descent.engine.spi.CheckpointKind;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The engine's {@link CheckpointKind}s as the store keeps them (by wire name; persistence knows only strings), and
 * which of them a job can continue from.
 */
public final class CheckpointKinds {

  private CheckpointKinds() {}

  /** The kind a stored name stands for; empty for a name the engine never writes. */
  public static Optional<CheckpointKind> of(String stored) {
    return CheckpointKind.fromWire(stored);
  }

  /** True when {@code checkpoint} is of {@code kind}. */
  public static boolean is(CheckpointInfo checkpoint, CheckpointKind kind) {
    return kind.wireName().equals(checkpoint.kind());
  }

  /** True when a stored checkpoint holds the live training state; Polyak averages are models, not states. */
  public static boolean isResumable(CheckpointInfo checkpoint) {
    return of(checkpoint.kind()).filter(CheckpointKind::resumable).isPresent();
  }

  /** The checkpoint a job continues from: the resumable one with the highest step, the newest among equals. */
  public static Optional<CheckpointInfo> latestResumable(List<CheckpointInfo> checkpoints) {
    return checkpoints.stream()
        .filter(CheckpointKinds::isResumable)
        .max(Comparator.comparingLong(CheckpointInfo::step).thenComparing(CheckpointInfo::createdAt));
  }
}
