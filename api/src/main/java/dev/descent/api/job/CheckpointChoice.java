package dev.descent.api.job;

import dev.descent.engine.spi.CheckpointKind;
import dev.descent.engine.validation.SpecException;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.Retention;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Which stored checkpoint a prediction request names: {@code final} (the final checkpoint, or for a Polyak variant
 * the newest average of that type), {@code best} (the best periodic checkpoint by the job's retention metric) or an id.
 */
final class CheckpointChoice {

  private CheckpointChoice() {}

  static CheckpointInfo choose(UUID jobId, List<CheckpointInfo> all, PredictionRequest request, Retention retention) {
    if (all.isEmpty()) {
      throw new SpecException("/checkpoint", "job " + jobId + " has no checkpoints (yet)");
    }
    String kind = request.variant() == null ? null : PredictionRequest.VARIANTS.get(request.variant());
    return switch (request.checkpoint()) {
      case PredictionRequest.FINAL -> newest(all, kind == null || kind.equals("raw")
          ? CheckpointKind.FINAL.wireName() : kind);
      case PredictionRequest.BEST -> best(all, kind, retention);
      default -> byId(jobId, all, request.checkpoint(), kind);
    };
  }

  private static CheckpointInfo newest(List<CheckpointInfo> all, String kind) {
    return all.stream().filter(c -> c.kind().equals(kind))
        .max(Comparator.comparingLong(CheckpointInfo::step).thenComparing(CheckpointInfo::createdAt))
        .orElseThrow(() -> kind.equals(CheckpointKind.FINAL.wireName())
            ? new SpecException("/checkpoint", "the job has no final checkpoint (yet); name one by id or use best")
            : new SpecException("/variant", "the job has no " + kind + " checkpoint"));
  }

  private static CheckpointInfo best(List<CheckpointInfo> all, String kind, Retention retention) {
    if (kind != null && !kind.equals("raw")) {
      throw new SpecException("/variant", "best is chosen among periodic checkpoints; use variant raw");
    }
    List<CheckpointInfo> periodic =
        all.stream().filter(c -> CheckpointKinds.is(c, CheckpointKind.PERIODIC)).toList();
    var best = new Retention(0, 1, retention.metric(), retention.higherIsBetter()).best(periodic);
    UUID id = best.stream().findFirst().orElseThrow(() -> new SpecException("/checkpoint",
        "no periodic checkpoint has a finite " + retention.metric() + "; use final or an id"));
    return all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static CheckpointInfo byId(UUID jobId, List<CheckpointInfo> all, String text, String kind) {
    UUID id;
    try {
      id = UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new SpecException("/checkpoint", "must be final, best or a checkpoint id");
    }
    CheckpointInfo found = all.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new JobNotFoundException("job " + jobId + " has no checkpoint " + id));
    boolean raw = CheckpointKinds.isResumable(found);
    if (kind != null && (kind.equals("raw") ? !raw : !found.kind().equals(kind))) {
      throw new SpecException("/variant", "checkpoint " + id + " is of kind " + found.kind());
    }
    return found;
  }
}
