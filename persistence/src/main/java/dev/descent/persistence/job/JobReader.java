package dev.descent.persistence.job;

import dev.descent.persistence.support.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads jobs: one by id with its timeline, or a page newest first, optionally of some statuses. Reads are plain SQL
 * outside any transaction (status polling is the hottest path of the API): a job is one statement, a page of
 * summaries one statement, a page with specs and timelines two. See {@link JobRows} for the statements.
 */
@Service
public class JobReader {

  private final JdbcClient jdbc;

  public JobReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The job with its timeline; empty when there is no such job. */
  public Optional<JobView> find(UUID id) {
    return find(id, Visibility.ALL);
  }

  /** The job with its timeline; empty when there is no such job or {@code visibility} does not see it. */
  public Optional<JobView> find(UUID id, Visibility visibility) {
    return visibility.bind(jdbc.sql(JobRows.FIND).param("id", id)).query(rs -> {
      if (!rs.next()) {
        return Optional.<JobView>empty();
      }
      JobView job = JobRows.job(rs, List.of(), null);
      List<JobEventView> timeline = new ArrayList<>();
      do {
        JobEventView event = JobRows.event(rs);
        if (event != null) {
          timeline.add(event);
        }
      } while (rs.next());
      return Optional.of(job.withTimeline(timeline));
    });
  }

  /** Page {@code page} (0-based) of {@code size} jobs, full (spec and timeline) or summaries; all statuses if empty. */
  public JobPage list(Collection<JobStatus> statuses, int page, int size, boolean full) {
    return list(statuses, null, page, size, full);
  }

  /** As {@link #list(Collection, int, int, boolean)}, only the trials of study {@code studyId} when it is not null. */
  public JobPage list(Collection<JobStatus> statuses, UUID studyId, int page, int size, boolean full) {
    return list(statuses, studyId, page, size, full, Visibility.ALL);
  }

  /** As {@link #list(Collection, UUID, int, int, boolean)}, only the jobs {@code visibility} sees. */
  public JobPage list(Collection<JobStatus> statuses, UUID studyId, int page, int size, boolean full,
      Visibility visibility) {
    boolean byStatus = statuses != null && !statuses.isEmpty();
    String[] names = byStatus ? statuses.stream().map(JobStatus::name).toArray(String[]::new) : null;
    var statement = jdbc.sql(JobRows.page(full, byStatus, studyId != null)).param("size", size)
        .param("offset", (long) page * size);
    statement = visibility.bind(filtered(statement, names, studyId));
    long[] total = {-1};
    List<JobView> jobs = statement.query((rs, row) -> {
      total[0] = rs.getLong("total");
      return JobRows.job(rs, List.of(), JobRows.instant(rs, "last_claim_at"));
    }).list();
    if (total[0] < 0) { // past the last page: count without rows
      total[0] = visibility.bind(filtered(jdbc.sql(JobRows.COUNT.formatted(JobRows.where(byStatus,
          studyId != null))), names, studyId)).query(Long.class).single();
    }
    return new JobPage(full ? withTimelines(jobs) : jobs, page, size, total[0]);
  }

  private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, String[] statuses,
      UUID studyId) {
    JdbcClient.StatementSpec out = statuses == null ? statement : statement.param("statuses", statuses);
    return studyId == null ? out : out.param("study", studyId);
  }

  private List<JobView> withTimelines(List<JobView> jobs) {
    if (jobs.isEmpty()) {
      return jobs;
    }
    Map<UUID, List<JobEventView>> timelines = new HashMap<>();
    jdbc.sql(JobRows.EVENTS_OF).param("ids", jobs.stream().map(j -> j.id().toString()).toArray(String[]::new))
        .query(rs -> {
          timelines.computeIfAbsent(rs.getObject("job_id", UUID.class), id -> new ArrayList<>())
              .add(JobRows.event(rs));
        });
    return jobs.stream().map(j -> j.withTimeline(timelines.getOrDefault(j.id(), List.of()))).toList();
  }
}
