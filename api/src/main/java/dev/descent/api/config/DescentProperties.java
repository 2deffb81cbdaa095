package dev.descent.api.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the service lets an operator configure, under {@code descent.*}.
 *
 * @param db the default embedded database (ignored when {@code spring.datasource.url} is set)
 * @param workers the training worker pool
 * @param limits bounds on what a job spec may ask for
 * @param datasets where job specs may read user data from
 */
@ConfigurationProperties("descent")
public record DescentProperties(
    @DefaultValue Db db, @DefaultValue Workers workers, @DefaultValue Limits limits,
    @DefaultValue Datasets datasets) {

  /**
   * @param dir the folder whose files and IDX folders job specs may name by relative paths (created at start);
   *     the system property or environment variable the engine reads ({@code descent.datasets.dir},
   *     {@code DESCENT_DATASETS_DIR}) win when set
   * @param maxUploadSize the largest file {@code PUT /api/v1/datasets/files/…} accepts
   */
  public record Datasets(
      @DefaultValue("descent-data/datasets") Path dir, @DefaultValue("1GB") DataSize maxUploadSize) {}

  /**
   * @param embedded start an embedded PostgreSQL when no external database is configured
   * @param dataDir where the embedded database keeps its files (survives restarts)
   * @param port the embedded database's port; 0 picks a free one
   * @param startupWait how long a start may take (crash recovery after a kill or power loss included), and how
   *     long a PostgreSQL left over by an earlier run gets to stop
   */
  public record Db(
      @DefaultValue("true") boolean embedded,
      @DefaultValue("descent-data/postgres") Path dataDir,
      @DefaultValue("0") int port,
      @DefaultValue("5m") Duration startupWait) {}

  /**
   * @param enabled whether this process trains at all (an API-only node sets false)
   * @param poolSize concurrent training jobs; 0 means one per CPU core
   * @param pollInterval how often an idle worker pool looks for queued jobs
   * @param heartbeatInterval how often a running job proves its worker is alive
   * @param staleAfter a running job whose heartbeat is older than this is requeued by the reaper
   * @param reapInterval how often the reaper runs
   * @param nativeThreads native (OpenMP/BLAS) threads per training job
   * @param databaseOutage how long a running job's writes (metrics, checkpoints, its final state) keep retrying
   *     while PostgreSQL is unreachable before the attempt gives up
   * @param drainTimeout how long a stopping service waits for its running jobs to checkpoint and go back to the
   *     queue
   */
  public record Workers(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0") int poolSize,
      @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("1s") Duration heartbeatInterval,
      @DefaultValue("15s") Duration staleAfter,
      @DefaultValue("5s") Duration reapInterval,
      @DefaultValue("1") int nativeThreads,
      @DefaultValue("5m") Duration databaseOutage,
      @DefaultValue("20s") Duration drainTimeout) {

    public int effectivePoolSize() {
      return poolSize > 0 ? poolSize : Runtime.getRuntime().availableProcessors();
    }
  }

  /**
   * @param maxEpochs the most epochs a job may ask for
   * @param maxParameters the most trainable parameters a job's model may have
   * @param maxLayers the most layers a job's model may have
   * @param maxBatchSize the largest minibatch a job may ask for
   * @param maxPlaygroundSteps the most steps one playground request may run
   */
  public record Limits(
      @DefaultValue("10000") int maxEpochs,
      @DefaultValue("50000000") long maxParameters,
      @DefaultValue("64") int maxLayers,
      @DefaultValue("65536") int maxBatchSize,
      @DefaultValue("10000") int maxPlaygroundSteps) {}
}
