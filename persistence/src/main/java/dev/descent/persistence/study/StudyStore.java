package dev.descent.persistence.study;

import dev.descent.persistence.job.IllegalTransitionException;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobTransitions;
import dev.descent.persistence.job.NewJob;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates studies (the study row, every trial's job WAITING with its submission event, and the trial rows: one
 * transaction, all or nothing) and cancels them (the study first, so that no trial is released after, then each
 * unfinished trial through {@link JobService#cancel}, the path a user's cancel takes).
 */
@Service
public class StudyStore {
  private static final Logger log = LoggerFactory.getLogger(StudyStore.class);
  private static final String INSERT_STUDY = """
      INSERT INTO study (id, name, status, body, objective_metric, objective_mode, objective_threshold,
                         max_concurrent, search_type, created_at, asha_min_epochs, asha_reduction_factor,
                         asha_max_epochs, pbt_population, pbt_interval, pbt_quantile, pbt_epochs, pbt_sample_seed,
                         pbt_tracked, tenant_id)
      VALUES (:id, :name, 'RUNNING', CAST(:body AS jsonb), :metric, :mode, :threshold, :maxConcurrent, :search, :at,
              :ashaMin, :ashaFactor, :ashaMax, :pbtPopulation, :pbtInterval, :pbtQuantile, :pbtEpochs, :pbtSeed,
              CAST(:pbtTracked AS text[]), :tenant)
      """;
  private static final String INSERT_MUTATION = """
      INSERT INTO study_pbt_mutation (study_id, position, pointer, factors, low, high, integral)
      VALUES (:study, :position, :pointer, CAST(:factors AS double precision[]), :low, :high, :integral)
      """;
  private static final String INSERT_TRIAL = """
      INSERT INTO study_trial (study_id, trial, arm, point, seed, trial_values, job_id)
      VALUES (:study, :trial, :arm, :point, :seed, CAST(:values AS jsonb), :job)
      """;
  private static final String CANCEL_STUDY = """
      UPDATE study SET status = 'CANCELLED', finished_at = now() WHERE id = :id AND status = 'RUNNING'
      """;

  private final JobService jobs;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public StudyStore(JobService jobs, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jobs = jobs;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Stores the study and its trials' jobs in one transaction; the study's id. */
  public UUID create(NewStudy study) {
    return create(study, null);
  }

  /** As {@link #create(NewStudy)}, the study and its trials' jobs owned by {@code tenant} (null: no tenant). */
  public UUID create(NewStudy study, UUID tenant) {
    UUID id = UUID.randomUUID();
    transactions.executeWithoutResult(status -> {
      jdbc.sql(INSERT_STUDY).param("id", id).param("name", study.name()).param("body", study.bodyJson())
          .param("metric", study.objectiveMetric()).param("mode", study.objectiveMode())
          .param("threshold", study.objectiveThreshold()).param("maxConcurrent", study.maxConcurrent())
          .param("search", study.searchType())
          .param("ashaMin", study.asha() == null ? null : study.asha().minEpochs())
          .param("ashaFactor", study.asha() == null ? null : study.asha().reductionFactor())
          .param("ashaMax", study.asha() == null ? null : study.asha().maxEpochs())
          .param("pbtPopulation", study.pbt() == null ? null : study.pbt().population())
          .param("pbtInterval", study.pbt() == null ? null : study.pbt().interval())
          .param("pbtQuantile", study.pbt() == null ? null : study.pbt().quantile())
          .param("pbtEpochs", study.pbt() == null ? null : study.pbt().epochs())
          .param("pbtSeed", study.pbt() == null ? null : study.pbt().sampleSeed())
          .param("pbtTracked", study.pbt() == null ? null : textArray(study.pbt().tracked().stream()
              .map(PbtSpecs::quoted).toList()))
          .param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS))).param("tenant", tenant)
          .update();
      insertMutations(id, study.pbt());
      for (NewTrial trial : study.trials()) {
        UUID job = jobs.create(new NewJob(trial.jobName(), trial.specJson(), trial.priority(), trial.maxAttempts(),
            id, tenant)).id();
        jdbc.sql(INSERT_TRIAL).param("study", id).param("trial", trial.trial()).param("arm", trial.arm())
            .param("point", trial.point()).param("seed", trial.seed()).param("values", trial.valuesJson())
            .param("job", job).update();
      }
    });
    return id;
  }

  private void insertMutations(UUID id, PbtParams pbt) {
    for (int i = 0; pbt != null && i < pbt.mutations().size(); i++) {
      PbtParams.Mutation m = pbt.mutations().get(i);
      jdbc.sql(INSERT_MUTATION).param("study", id).param("position", i).param("pointer", m.pointer())
          .param("factors", textArray(m.factors().stream().map(String::valueOf).toList())).param("low", m.low())
          .param("high", m.high()).param("integral", m.integral()).update();
    }
  }

  private static String textArray(List<String> items) {
    return "{" + String.join(",", items) + "}";
  }

  /**
   * Cancels a running study and its unfinished trials: waiting, queued and paused ones at once, running ones through
   * CANCELLING. False when there is no such study; a study that has ended is left as it is.
   */
  public boolean cancel(UUID id, String reason) {
    if (jdbc.sql("SELECT count(*) FROM study WHERE id = :id").param("id", id).query(Long.class).single() == 0) {
      return false;
    }
    jdbc.sql(CANCEL_STUDY).param("id", id).update();
    EnumSet<JobStatus> stoppable = EnumSet.copyOf(JobTransitions.CANCEL.sources());
    stoppable.addAll(JobTransitions.REQUEST_CANCEL.sources());
    List<UUID> unfinished = jdbc.sql("SELECT id FROM job WHERE study_id = :id AND status IN ("
        + JobTransitions.sqlList(stoppable) + ") ORDER BY id").param("id", id).query(UUID.class).list();
    for (UUID job : unfinished) {
      try {
        jobs.cancel(job, reason);
      } catch (IllegalTransitionException e) {
        log.info("Study {}: job {} ended before it could be cancelled ({})", id, job, e.getMessage());
      }
    }
    return true;
  }
}
