package dev.descent.api.job;

import dev.descent.api.dataset.DataFileAccess;
import dev.descent.api.quota.Quotas;
import dev.descent.api.security.Ownership;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.CheckpointStore;
import dev.descent.persistence.job.IllegalTransitionException;
import dev.descent.persistence.job.JobPage;
import dev.descent.persistence.job.JobReader;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobView;
import dev.descent.persistence.job.NewJob;
import dev.descent.persistence.metric.MetricEvent;
import dev.descent.persistence.metric.MetricEvents;
import dev.descent.persistence.metric.MetricQuery;
import dev.descent.persistence.metric.MetricSeries;
import dev.descent.persistence.support.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the REST layer may do with jobs: submit (validated by the engine before anything is stored), read, list,
 * cancel, and read a job's metrics and checkpoints. Each call is its own short transaction in persistence.
 */
@Service
public class JobApplicationService {
  private final JobService jobs;
  private final JobReader reader;
  private final MetricQuery metrics;
  private final MetricEvents metricEvents;
  private final CheckpointStore checkpoints;
  private final EngineLimits limits;
  private final WarmStarts warmStarts;
  private final Quotas quotas;
  private final DataFileAccess dataFiles;

  JobApplicationService(JobService jobs, JobReader reader, MetricQuery metrics, MetricEvents metricEvents,
      CheckpointStore checkpoints, EngineLimits limits, WarmStarts warmStarts, Quotas quotas,
      DataFileAccess dataFiles) {
    this.warmStarts = warmStarts;
    this.quotas = quotas;
    this.dataFiles = dataFiles;
    this.metricEvents = metricEvents;
    this.jobs = jobs;
    this.reader = reader;
    this.metrics = metrics;
    this.checkpoints = checkpoints;
    this.limits = limits;
  }

  /**
   * Validates and queues a spec, owned by the caller's tenant; throws the engine's {@code SpecException} (nothing
   * stored) when it is invalid or its warm start cannot be resolved ({@link WarmStarts#resolve}), and a quota problem
   * when the tenant is at its queued-jobs or checkpoint-bytes quota ({@link Quotas#admit}). A spec naming a
   * data-folder file the caller does not see is refused as a missing one ({@link DataFileAccess#checkReads}).
   */
  public JobView submit(String specJson) {
    dataFiles.checkReads(specJson, "");
    JobSpec spec = JobSpecs.parse(specJson, limits);
    String stored = warmStarts.resolve(spec);
    UUID owner = Ownership.owner();
    return quotas.admit(owner, () -> jobs.create(new NewJob(spec.name(), stored, spec.priority(), spec.maxAttempts())
        .ownedBy(owner)));
  }

  /** The job, if the caller sees it ({@link Ownership}); else, as when there is none, {@link JobNotFoundException}. */
  public JobView get(UUID id) {
    return get(id, Ownership.visibility());
  }

  /** The job, if {@code visibility} sees it; else {@link JobNotFoundException}. */
  public JobView get(UUID id, Visibility visibility) {
    return reader.find(id, visibility).orElseThrow(() -> new JobNotFoundException(id));
  }

  /** A page of the caller's jobs newest first: {@code full} with specs and timelines, else summaries. */
  public JobPage list(Collection<JobStatus> statuses, int page, int size, boolean full) {
    return list(statuses, null, page, size, full, Ownership.visibility());
  }

  /** As {@link #list(Collection, int, int, boolean)}, only study {@code studyId}'s trials when it is not null. */
  public JobPage list(Collection<JobStatus> statuses, UUID studyId, int page, int size, boolean full) {
    return list(statuses, studyId, page, size, full, Ownership.visibility());
  }

  /** As {@link #list(Collection, UUID, int, int, boolean)}, the jobs {@code visibility} sees. */
  public JobPage list(Collection<JobStatus> statuses, UUID studyId, int page, int size, boolean full,
      Visibility visibility) {
    return reader.list(statuses, studyId, page, size, full, visibility);
  }

  /** Cancels a queued or running job; one already cancelling or cancelled is returned unchanged. */
  public JobView cancel(UUID id) {
    get(id);
    try {
      return jobs.cancel(id, "cancelled by request").orElseThrow(() -> new JobNotFoundException(id));
    } catch (IllegalTransitionException e) {
      JobView now = get(id);
      if (now.status() == JobStatus.CANCELLED || now.status() == JobStatus.CANCELLING) {
        return now;
      }
      throw new JobConflictException(now.status().isTerminal()
          ? "job " + id + " has already finished (" + now.status() + "); it cannot be cancelled"
          : "job " + id + " is " + now.status() + "; it can be cancelled once it is PAUSED");
    }
  }

  public List<MetricSeries> metrics(UUID id, Collection<String> names, Long from, Long to, int maxPoints) {
    get(id);
    return metrics.read(id, names, from, to, maxPoints);
  }

  /** Metric points written after event id {@code afterSeq}, in write order (for live streams). */
  public List<MetricEvent> metricsSince(UUID id, long afterSeq, int limit) {
    return metricEvents.since(id, afterSeq, limit);
  }

  /** The ids of the job's checkpoints that its policy keeps as the best K by its metric. */
  public Set<UUID> bestCheckpoints(UUID id, List<CheckpointInfo> checkpoints) {
    return RetentionPolicy.best(checkpoints, RetentionPolicy.ofStored(get(id).specJson()));
  }

  public List<CheckpointInfo> checkpoints(UUID id) {
    get(id);
    return checkpoints.list(id);
  }

  public CheckpointInfo checkpoint(UUID id, UUID checkpointId) {
    get(id);
    return checkpoints.find(id, checkpointId).orElseThrow(() -> missingCheckpoint(id, checkpointId));
  }

  /**
   * One checkpoint's content, copied chunk by chunk from its large object into a temporary file, so neither the heap
   * nor a database connection is held while a slow client downloads; the file is deleted when the stream closes.
   */
  public InputStream checkpointContent(UUID id, UUID checkpointId) {
    get(id);
    try {
      Path file = Files.createTempFile("descent-checkpoint-", ".zip");
      boolean found = false;
      try (OutputStream out = Files.newOutputStream(file)) {
        found = checkpoints.openContent(id, checkpointId, out);
      } finally {
        if (!found) {
          Files.delete(file);
        }
      }
      if (!found) {
        throw missingCheckpoint(id, checkpointId);
      }
      return Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JobNotFoundException missingCheckpoint(UUID id, UUID checkpointId) {
    return new JobNotFoundException("job " + id + " has no checkpoint " + checkpointId);
  }
}
