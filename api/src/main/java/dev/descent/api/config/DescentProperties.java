package dev.descent.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the service lets an operator configure, under {@code descent.*}.
 *
 * @param roles what this instance does: {@code api} (REST API, dashboard, events) and/or {@code worker} (claims and
 *     trains jobs); any number of instances of either role may share one PostgreSQL
 * @param worker this instance's worker: its training slots and its id in job timelines
 * @param db the default embedded database (ignored when {@code spring.datasource.url} is set)
 * @param workers the training worker pool's timings ({@code descent.workers.pool-size} is an alias of
 *     {@code descent.worker.slots})
 * @param limits bounds on what a job spec may ask for
 * @param datasets where job specs may read user data from
 */
@ConfigurationProperties("descent")
public record DescentProperties(
    @DefaultValue({"api", "worker"}) Set<Role> roles, @DefaultValue Worker worker, @DefaultValue Db db,
    @DefaultValue Workers workers, @DefaultValue Limits limits, @DefaultValue Datasets datasets) {

  /** What an instance does; {@code descent.roles} lists one or both. */
  public enum Role {
    /** The REST API, the dashboard and event streams; queued jobs wait for a worker. */
    API,
    /** Claims and trains jobs; serves no HTTP besides {@code /actuator/**} (health, metrics). */
    WORKER
  }

  /** Whether this instance claims and trains jobs: the {@code worker} role, unless workers are disabled. */
  public boolean trains() {
    return roles.contains(Role.WORKER) && workers.enabled();
  }

  /** Whether this instance serves the REST API and the dashboard. */
  public boolean servesApi() {
    return roles.contains(Role.API);
  }

  /** Concurrent training jobs: {@code descent.worker.slots}, else {@code descent.workers.pool-size}, else cores. */
  public int slots() {
    if (worker.slots() > 0) {
      return worker.slots();
    }
    return workers.effectivePoolSize();
  }

  /**
   * @param slots concurrent training jobs; 0 means {@code descent.workers.pool-size}, or one per CPU core
   * @param id this worker's id in the queue and in job timelines ("claimed by …"); blank means
   *     {@code host:pid:random8}. Must differ between running instances.
   */
  public record Worker(@DefaultValue("0") int slots, @DefaultValue("") String id) {}

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
   * @param enabled whether this process trains at all (false: as if {@code descent.roles} had no {@code worker})
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
   * @param gradientCheck what one gradient check may ask for ({@code descent.limits.gradient-check.*})
   */
  public record Limits(
      @DefaultValue("10000") int maxEpochs,
      @DefaultValue("50000000") long maxParameters,
      @DefaultValue("64") int maxLayers,
      @DefaultValue("65536") int maxBatchSize,
      @DefaultValue("10000") int maxPlaygroundSteps,
      @DefaultValue GradientCheckLimits gradientCheck) {

    /** The constructor properties bind through. */
    @ConstructorBinding
    public Limits {}

    /** Job and playground limits, with the default gradient-check limits. */
    public Limits(int maxEpochs, long maxParameters, int maxLayers, int maxBatchSize, int maxPlaygroundSteps) {
      this(maxEpochs, maxParameters, maxLayers, maxBatchSize, maxPlaygroundSteps,
          new GradientCheckLimits(100_000, 64, 1_000, 10_000));
    }
  }

  /**
   * @param maxParameters the most parameters a gradient check's model may have
   * @param maxRows the most input rows a gradient check may use
   * @param maxSamples the most entries a gradient check may check per parameter block
   * @param maxEntries the most entries a gradient check may check in all (two forward passes each)
   */
  public record GradientCheckLimits(
      @DefaultValue("100000") long maxParameters,
      @DefaultValue("64") int maxRows,
      @DefaultValue("1000") int maxSamples,
      @DefaultValue("10000") long maxEntries) {}
}
