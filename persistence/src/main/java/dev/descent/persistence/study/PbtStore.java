package dev.descent.persistence.study;

import dev.descent.persistence.job.JobStatus;
import dev.descent.persistence.job.JobTransitions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PBT's rounds for every running study with a PBT scheduler, one transaction per study with the study row locked
 * ({@code FOR UPDATE SKIP LOCKED}): the next undecided round is due when every member is PAUSED with exactly the
 * round's count of objective points or has ended. Then {@link PbtRule} ranks the paused ones; each exploiting member
 * gets a copy of its source's latest resumable checkpoint as a new checkpoint of its own job (the large object copied
 * in SQL; it is the newest at that step, so the member's next attempt resumes from it), the source's tracked values
 * explored into its stored spec ({@link PbtSpecs}), and every member's row in {@code study_pbt_event}; all members go
 * PAUSED → WAITING (event {@code pbt: round r}) for the study's slots. The rows are the state: a round with rows is
 * never decided again, and a killed service's next tick decides what it had not committed.
 */
@Component
public class PbtStore {
  /** The checkpoint kinds a job continues from: the engine's resumable {@code CheckpointKind}s (PbtApiTests). */
  public static final List<String> RESUMABLE = List.of("periodic", "final", "rule");
  private static final String STUDIES = """
      SELECT id FROM study WHERE status = 'RUNNING' AND pbt_population IS NOT NULL ORDER BY id
      """;
  private static final String LOCK = """
      SELECT objective_mode, objective_metric,
             (SELECT coalesce(max(e.round), 0) FROM study_pbt_event e WHERE e.study_id = s.id) AS decided
        FROM study s WHERE s.id = :id AND s.status = 'RUNNING' FOR UPDATE SKIP LOCKED
      """;
  private static final String TRIALS = """
      SELECT t.trial, t.job_id, j.status, j.attempt,
             (SELECT count(*) FROM metric_point p WHERE p.job_id = t.job_id AND p.name = :metric) AS points,
             (SELECT p.value FROM metric_point p WHERE p.job_id = t.job_id AND p.name = :metric
               ORDER BY p.step OFFSET (:epochs - 1) LIMIT 1) AS value
        FROM study_trial t JOIN job j ON j.id = t.job_id WHERE t.study_id = :id ORDER BY t.trial
      """;
  private static final String SOURCE = """
      SELECT id FROM checkpoint WHERE job_id = :job AND kind IN (:kinds) ORDER BY step DESC, created_at DESC LIMIT 1
      """;
  private static final String COPY = """
      INSERT INTO checkpoint (id, job_id, attempt, kind, step, epoch, size_bytes, sha256, metrics, content,
                              content_oid, created_at)
      SELECT :new, :job, :attempt, kind, step, epoch, size_bytes, sha256, metrics, content,
             CASE WHEN content_oid IS NULL THEN NULL ELSE lo_from_bytea(0, lo_get(content_oid)) END, :at
        FROM checkpoint WHERE id = :source
      """;
  private static final String EVENT = """
      INSERT INTO study_pbt_event (study_id, round, trial, epochs, value, rank, source_trial, source_checkpoint_id,
                                   new_checkpoint_id, values_before, values_after, decided_at)
      VALUES (:id, :round, :trial, :epochs, :value, :rank, :source, :sourceCheckpoint, :newCheckpoint,
              CAST(:before AS jsonb), CAST(:after AS jsonb), :at)
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final StudyReader reader;
  private final AshaStore moves;

  public PbtStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, StudyReader reader,
      AshaStore moves) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.reader = reader;
    this.moves = moves;
  }

  /** Decides the due round of every running PBT study; the exploits decided. */
  public List<PbtRule.Exploit> tick() {
    List<PbtRule.Exploit> taken = new ArrayList<>();
    for (UUID id : jdbc.sql(STUDIES).query(UUID.class).list()) {
      taken.addAll(transactions.execute(status -> decide(id)));
    }
    return taken;
  }

  private List<PbtRule.Exploit> decide(UUID id) {
    List<Object[]> locked = jdbc.sql(LOCK).param("id", id).query((rs, row) -> new Object[] {
        "max".equals(rs.getString("objective_mode")), rs.getString("objective_metric"), rs.getInt("decided")})
        .list();
    PbtParams pbt = reader.pbt(id).orElse(null);
    if (locked.isEmpty() || pbt == null) {
      return List.of();
    }
    int round = (int) locked.get(0)[2] + 1;
    if (round > pbt.roundEnds().size()) {
      return List.of();
    }
    int epochs = pbt.roundEnds().get(round - 1);
    List<Member> members = jdbc.sql(TRIALS).param("id", id).param("metric", locked.get(0)[1]).param("epochs", epochs)
        .query((rs, row) -> new Member(rs.getInt("trial"), rs.getObject("job_id", UUID.class),
            JobStatus.valueOf(rs.getString("status")), rs.getInt("attempt"), rs.getLong("points"),
            rs.getObject("value", Double.class))).list();
    List<Member> arrived = members.stream()
        .filter(m -> m.status() == JobStatus.PAUSED && m.points() == epochs && m.value() != null).toList();
    boolean due = members.stream().allMatch(m -> arrived.contains(m) || m.status().isTerminal());
    if (!due || arrived.isEmpty()) {
      return List.of();
    }
    return decideRound(id, pbt, round, epochs, arrived, (boolean) locked.get(0)[0]);
  }

  private List<PbtRule.Exploit> decideRound(UUID id, PbtParams pbt, int round, int epochs, List<Member> arrived,
      boolean maximize) {
    Timestamp at = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
    List<PbtRule.Member> values = arrived.stream().map(m -> new PbtRule.Member(m.trial(), m.value())).toList();
    List<PbtRule.Exploit> exploits = PbtRule.decide(values, pbt.quantile(), maximize, pbt.sampleSeed(), round,
        pbt.mutations().stream().map(PbtParams.Mutation::factors).toList());
    Map<Integer, Member> byTrial = new HashMap<>();
    Map<Integer, Map<String, String>> current = new HashMap<>();
    PbtSpecs specs = new PbtSpecs(jdbc, pbt);
    arrived.forEach(m -> {
      byTrial.put(m.trial(), m);
      current.put(m.trial(), specs.values(m.job()));
    });
    Map<Integer, PbtRule.Exploit> exploiting = new HashMap<>();
    exploits.forEach(e -> exploiting.put(e.trial(), e));
    List<PbtRule.Member> ranked = PbtRule.ranked(values, maximize);
    for (int rank = 0; rank < ranked.size(); rank++) {
      Member m = byTrial.get(ranked.get(rank).trial());
      PbtRule.Exploit e = exploiting.get(m.trial());
      Map<String, String> before = current.get(m.trial());
      UUID source = e == null ? null : latestResumable(byTrial.get(e.source()).job());
      UUID copy = source == null ? null : copy(source, m, at);
      Map<String, String> after = copy == null ? before : specs.explore(current.get(e.source()), e.factors());
      if (copy != null) {
        specs.write(m.job(), after);
      }
      jdbc.sql(EVENT).param("id", id).param("round", round).param("trial", m.trial()).param("epochs", epochs)
          .param("value", m.value()).param("rank", rank).param("source", copy == null ? null : e.source())
          .param("sourceCheckpoint", copy == null ? null : source).param("newCheckpoint", copy)
          .param("before", PbtSpecs.json(before)).param("after", PbtSpecs.json(after)).param("at", at).update();
    }
    for (Member m : arrived) {
      moves.move(m.job(), JobTransitions.PROMOTE, "pbt: round " + round, at);
    }
    return exploits;
  }

  private UUID latestResumable(UUID job) {
    return jdbc.sql(SOURCE).param("job", job).param("kinds", RESUMABLE).query(UUID.class).optional().orElse(null);
  }

  private UUID copy(UUID source, Member to, Timestamp at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(COPY).param("new", id).param("job", to.job()).param("attempt", to.attempt()).param("at", at)
        .param("source", source).update();
    return id;
  }

  private record Member(int trial, UUID job, JobStatus status, int attempt, long points, Double value) {}
}
