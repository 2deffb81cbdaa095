package dev.descent.persistence.job;

import java.util.List;
import java.util.UUID;

/** The jobs one {@link JobQueue#reap} pass moved: back to the queue, failed at their attempt limit, or cancelled. */
public record ReapResult(List<UUID> requeued, List<UUID> failed, List<UUID> cancelled) {

  public int total() {
    return requeued.size() + failed.size() + cancelled.size();
  }
}
