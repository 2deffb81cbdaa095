package dev.descent.persistence.study;

import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.support.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads studies: one with its trials and their jobs' statuses (and its ASHA scheduler and rungs), or a page newest
 * first with counts by status.
 */
@Service
public class StudyReader {
  private static final String COLUMNS = "id, name, status, body::text AS body, objective_metric, objective_mode, "
      + "objective_threshold, max_concurrent, search_type, created_at, finished_at";
  private static final String VISIBLE = Visibility.predicate("tenant_id");
  private static final String TRIALS = """
      SELECT t.trial, t.arm, t.point, t.seed, t.trial_values::text AS trial_values, t.job_id, j.status, j.started_at,
             j.finished_at
        FROM study_trial t JOIN job j ON j.id = t.job_id
       WHERE t.study_id = :id ORDER BY t.trial
      """;

  private static final String OBJECTIVE = """
      SELECT p.job_id, p.step, p.value, p.at
        FROM study_trial t JOIN metric_point p ON p.job_id = t.job_id AND p.name = :metric
       WHERE t.study_id = :id ORDER BY p.job_id, p.step
      """;

  private final JdbcClient jdbc;

  public StudyReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StudyView> find(UUID id) {
    return find(id, Visibility.ALL);
  }

  /** The study with its trials; empty when there is none or {@code visibility} does not see it. */
  public Optional<StudyView> find(UUID id, Visibility visibility) {
    return visibility.bind(jdbc.sql("SELECT " + COLUMNS + " FROM study WHERE id = :id AND " + VISIBLE).param("id", id))
        .query((rs, row) -> study(rs, Map.of(), List.of())).optional()
        .map(study -> {
          List<StudyTrialView> trials = jdbc.sql(TRIALS).param("id", id).query(StudyReader::trial).list();
          Map<JobStatus, Integer> counts = new EnumMap<>(JobStatus.class);
          trials.forEach(t -> counts.merge(t.status(), 1, Integer::sum));
          return withTrials(study, counts, trials);
        });
  }

  /**
   * The points of metric {@code metric} of every trial of study {@code id}, by job id, each list by step (a per-epoch
   * objective has few).
   */
  public Map<UUID, List<ObjectivePoint>> objective(UUID id, String metric) {
    Map<UUID, List<ObjectivePoint>> out = new HashMap<>();
    jdbc.sql(OBJECTIVE).param("id", id).param("metric", metric).query(rs -> {
      out.computeIfAbsent(rs.getObject("job_id", UUID.class), k -> new ArrayList<>())
          .add(new ObjectivePoint(rs.getLong("step"), rs.getDouble("value"), instant(rs.getTimestamp("at"))));
    });
    return out;
  }

  /** The study's ASHA scheduler, if it has one. */
  public Optional<AshaParams> scheduler(UUID id) {
    return jdbc.sql("SELECT asha_min_epochs, asha_reduction_factor, asha_max_epochs FROM study WHERE id = :id "
        + "AND asha_max_epochs IS NOT NULL").param("id", id).query((rs, row) -> new AshaParams(
            rs.getInt("asha_min_epochs"), rs.getInt("asha_reduction_factor"), rs.getInt("asha_max_epochs")))
        .optional();
  }

  /** The study's PBT scheduler, if it has one. */
  public Optional<PbtParams> pbt(UUID id) {
    List<PbtParams.Mutation> mutations = jdbc.sql("SELECT * FROM study_pbt_mutation WHERE study_id = :id "
        + "ORDER BY position").param("id", id).query((rs, row) -> new PbtParams.Mutation(rs.getString("pointer"),
            List.of((Double[]) rs.getArray("factors").getArray()), rs.getObject("low", Double.class),
            rs.getObject("high", Double.class), rs.getBoolean("integral"))).list();
    return jdbc.sql("SELECT pbt_population, pbt_interval, pbt_quantile, pbt_epochs, pbt_sample_seed, pbt_tracked "
        + "FROM study WHERE id = :id AND pbt_population IS NOT NULL").param("id", id)
        .query((rs, row) -> new PbtParams(rs.getInt("pbt_population"), rs.getInt("pbt_interval"),
            rs.getDouble("pbt_quantile"), rs.getInt("pbt_epochs"), rs.getLong("pbt_sample_seed"),
            List.of((String[]) rs.getArray("pbt_tracked").getArray()), mutations)).optional();
  }

  /** The study's PBT lineage: every member's row of every decided round, by round and rank. */
  public List<LineageView> lineage(UUID id) {
    return jdbc.sql("SELECT e.*, e.values_before::text AS before_json, e.values_after::text AS after_json "
        + "FROM study_pbt_event e WHERE e.study_id = :id ORDER BY e.round, e.rank").param("id", id)
        .query((rs, row) -> new LineageView(rs.getInt("round"), rs.getInt("trial"), rs.getInt("epochs"),
            rs.getDouble("value"), rs.getInt("rank"), rs.getObject("source_trial", Integer.class),
            rs.getObject("source_checkpoint_id", UUID.class), rs.getObject("new_checkpoint_id", UUID.class),
            rs.getString("before_json"), rs.getString("after_json"), instant(rs.getTimestamp("decided_at"))))
        .list();
  }

  /** The study's ASHA rung records, by trial and rung. */
  public List<RungView> rungs(UUID id) {
    return jdbc.sql("SELECT * FROM study_rung WHERE study_id = :id ORDER BY trial, rung").param("id", id)
        .query((rs, row) -> new RungView(rs.getInt("trial"), rs.getInt("rung"), rs.getInt("epochs"),
            rs.getDouble("value"), instant(rs.getTimestamp("reached_at")), rs.getString("decision"),
            instant(rs.getTimestamp("decided_at")))).list();
  }

  /** Page {@code page} (0-based) of {@code size} studies, newest first, each with its counts by job status. */
  public StudyPage list(int page, int size) {
    return list(page, size, Visibility.ALL);
  }

  /** As {@link #list(int, int)}, only the studies {@code visibility} sees. */
  public StudyPage list(int page, int size, Visibility visibility) {
    List<StudyView> studies = visibility.bind(jdbc.sql("SELECT " + COLUMNS + " FROM study WHERE " + VISIBLE
        + " ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset")).param("size", size)
        .param("offset", (long) page * size)
        .query((rs, row) -> study(rs, Map.of(), List.of())).list();
    Map<UUID, Map<JobStatus, Integer>> counts = new HashMap<>();
    if (!studies.isEmpty()) {
      jdbc.sql("SELECT study_id, status, count(*) AS n FROM job WHERE study_id IN (:ids) GROUP BY study_id, status")
          .param("ids", studies.stream().map(StudyView::id).toList())
          .query(rs -> {
            counts.computeIfAbsent(rs.getObject("study_id", UUID.class), k -> new EnumMap<>(JobStatus.class))
                .put(JobStatus.valueOf(rs.getString("status")), rs.getInt("n"));
          });
    }
    List<StudyView> items = new ArrayList<>();
    studies.forEach(s -> items.add(withTrials(s, counts.getOrDefault(s.id(), Map.of()), List.of())));
    long total = visibility.bind(jdbc.sql("SELECT count(*) FROM study WHERE " + VISIBLE)).query(Long.class).single();
    return new StudyPage(items, page, size, total);
  }

  private static StudyView withTrials(StudyView s, Map<JobStatus, Integer> counts, List<StudyTrialView> trials) {
    return new StudyView(s.id(), s.name(), s.status(), s.bodyJson(), s.objectiveMetric(), s.objectiveMode(),
        s.objectiveThreshold(), s.maxConcurrent(), s.searchType(), s.createdAt(), s.finishedAt(), counts, trials);
  }

  private static StudyView study(ResultSet rs, Map<JobStatus, Integer> counts, List<StudyTrialView> trials)
      throws SQLException {
    return new StudyView(rs.getObject("id", UUID.class), rs.getString("name"),
        StudyStatus.valueOf(rs.getString("status")), rs.getString("body"), rs.getString("objective_metric"),
        rs.getString("objective_mode"), rs.getObject("objective_threshold", Double.class),
        rs.getInt("max_concurrent"), rs.getString("search_type"), instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("finished_at")), counts, trials);
  }

  private static StudyTrialView trial(ResultSet rs, int row) throws SQLException {
    return new StudyTrialView(rs.getInt("trial"), rs.getString("arm"), rs.getInt("point"), rs.getLong("seed"),
        rs.getString("trial_values"), rs.getObject("job_id", UUID.class), JobStatus.valueOf(rs.getString("status")),
        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
