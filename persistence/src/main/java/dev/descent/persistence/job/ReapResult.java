package dev.descent.persistence.job;

import java.util.List;
import java.util.UUID;

/**
 * The jobs one {@link JobQueue#reap} pass moved: back to the queue, failed at their attempt limit, cancelled or paused.
 */
public record ReapResult(List<UUID> requeued, List<UUID> failed, List<UUID> cancelled, List<UUID> paused) {

  public int total() {
    return requeued.size() + failed.size() + cancelled.size() + paused.size();
  }
}
