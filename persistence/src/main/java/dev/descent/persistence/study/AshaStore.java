package dev.descent.persistence.study;

import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobTransitions;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ASHA's decisions for every running study with a scheduler, one transaction per study with the study row locked
 * ({@code FOR UPDATE SKIP LOCKED}, so many instances may tick at once): a trial PAUSED with exactly a rung's count of
 * objective points has reached that rung, and its value there (the rung's point by step) is recorded once in
 * {@code study_rung}; then {@link AshaRule} decides, and each decision is written once with its job's move —
 * promoted: PAUSED → WAITING (it takes a study slot again and continues from its checkpoint); pruned: → PRUNED. A
 * killed service loses nothing and repeats nothing: the records are the state.
 */
@Component
public class AshaStore {
  private static final String STUDIES = """
      SELECT id FROM study WHERE status = 'RUNNING' AND asha_max_epochs IS NOT NULL ORDER BY id
      """;
  private static final String LOCK = """
      SELECT objective_metric, objective_mode, asha_min_epochs, asha_reduction_factor, asha_max_epochs
        FROM study WHERE id = :id AND status = 'RUNNING' FOR UPDATE SKIP LOCKED
      """;
  private static final String TRIALS = """
      SELECT t.trial, t.job_id, j.status,
             (SELECT count(*) FROM metric_point p WHERE p.job_id = t.job_id AND p.name = :metric) AS points
        FROM study_trial t JOIN job j ON j.id = t.job_id WHERE t.study_id = :id ORDER BY t.trial
      """;
  private static final String RECORD = """
      INSERT INTO study_rung (study_id, trial, rung, epochs, value, reached_at)
      SELECT :id, :trial, :rung, :epochs, p.value, :at FROM metric_point p
       WHERE p.job_id = :job AND p.name = :metric ORDER BY p.step OFFSET (:epochs - 1) LIMIT 1
      ON CONFLICT DO NOTHING
      """;
  private static final String MOVE = """
      WITH moved AS (
        UPDATE job SET status = :to, version = version + 1,
                       finished_at = CASE WHEN :terminal THEN CAST(:at AS timestamptz) ELSE finished_at END
         WHERE id = :job AND status IN (%s) RETURNING id, attempt, status)
      INSERT INTO job_event (job_id, at, attempt, from_status, to_status, reason)
      SELECT id, :at, attempt, :from, status, :reason FROM moved
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public AshaStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** Takes the due decisions of every running ASHA study; the decisions taken. */
  public List<AshaRule.Decision> tick() {
    List<AshaRule.Decision> taken = new ArrayList<>();
    for (UUID id : jdbc.sql(STUDIES).query(UUID.class).list()) {
      taken.addAll(transactions.execute(status -> decide(id)));
    }
    return taken;
  }

  private List<AshaRule.Decision> decide(UUID id) {
    List<StudyLock> locked = jdbc.sql(LOCK).param("id", id).query((rs, row) -> new StudyLock(
        rs.getString("objective_metric"), "max".equals(rs.getString("objective_mode")),
        new AshaParams(rs.getInt("asha_min_epochs"), rs.getInt("asha_reduction_factor"),
            rs.getInt("asha_max_epochs")))).list();
    if (locked.isEmpty()) {
      return List.of();
    }
    StudyLock study = locked.get(0);
    Timestamp at = Timestamp.from(clock.instant());
    List<TrialState> trials = jdbc.sql(TRIALS).param("id", id).param("metric", study.metric())
        .query((rs, row) -> new TrialState(rs.getInt("trial"), rs.getObject("job_id", UUID.class),
            JobStatus.valueOf(rs.getString("status")), rs.getLong("points"))).list();
    List<Integer> rungs = study.asha().decisionRungs();
    for (TrialState t : trials) {
      int rung = rungs.indexOf((int) t.points());
      if (t.status() == JobStatus.PAUSED && rung >= 0) {
        jdbc.sql(RECORD).param("id", id).param("trial", t.trial()).param("rung", rung)
            .param("epochs", rungs.get(rung)).param("at", at).param("job", t.job())
            .param("metric", study.metric()).update();
      }
    }
    List<AshaRule.Decision> decisions = AshaRule.decide(trials.stream().map(TrialState::trial).toList(),
        ended(trials), records(id), rungs.size(), study.asha().reductionFactor(), study.maximize());
    for (AshaRule.Decision d : decisions) {
      apply(id, trials.get(d.trial()).job(), d, at);
    }
    return decisions;
  }

  private void apply(UUID study, UUID job, AshaRule.Decision d, Timestamp at) {
    jdbc.sql("UPDATE study_rung SET decision = :decision, decided_at = :at "
        + "WHERE study_id = :id AND trial = :trial AND rung = :rung AND decision IS NULL")
        .param("decision", d.decision()).param("at", at).param("id", study).param("trial", d.trial())
        .param("rung", d.rung()).update();
    JobTransitions move = AshaRule.PROMOTED.equals(d.decision()) ? JobTransitions.PROMOTE : JobTransitions.PRUNE;
    move(job, move, "asha: " + d.decision() + " at rung " + d.rung(), at);
  }

  /**
   * Moves {@code job} by {@code move} (PROMOTE or PRUNE) with its event when its status is one of the move's sources
   * (a trial a user cancelled or unpaused meanwhile stays as it is); whether it moved.
   */
  boolean move(UUID job, JobTransitions move, String reason, Timestamp at) {
    int moved = 0;
    for (JobStatus from : move.sources()) {
      moved += jdbc.sql(MOVE.formatted(JobTransitions.sqlList(Set.of(from)))).param("to", move.target().name())
          .param("terminal", move.target().isTerminal()).param("at", at).param("job", job)
          .param("from", from.name()).param("reason", reason).update();
    }
    return moved > 0;
  }

  private List<AshaRule.Record> records(UUID id) {
    return jdbc.sql("SELECT trial, rung, value, decision FROM study_rung WHERE study_id = :id ORDER BY trial, rung")
        .param("id", id).query((rs, row) -> new AshaRule.Record(rs.getInt("trial"), rs.getInt("rung"),
            rs.getDouble("value"), rs.getString("decision"))).list();
  }

  private static Set<Integer> ended(List<TrialState> trials) {
    Set<Integer> ended = new HashSet<>();
    trials.stream().filter(t -> t.status().isTerminal()).forEach(t -> ended.add(t.trial()));
    return ended;
  }

  private record StudyLock(String metric, boolean maximize, AshaParams asha) {}

  private record TrialState(int trial, UUID job, JobStatus status, long points) {}
}
