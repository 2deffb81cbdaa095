package dev.descent.persistence.job;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads jobs with their timelines: one by id, or a page newest first, optionally of one status. */
@Service
@Transactional(readOnly = true)
public class JobReader {

  private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

  private final JobRepository jobs;

  public JobReader(JobRepository jobs) {
    this.jobs = jobs;
  }

  public Optional<JobView> find(UUID id) {
    return jobs.findById(id).map(JobView::of);
  }

  /** Page {@code page} (0-based) of {@code size} jobs; {@code status} null means every status. */
  public JobPage list(Collection<JobStatus> statuses, int page, int size) {
    return list(statuses, null, page, size);
  }

  /** As {@link #list(Collection, int, int)}, only the trials of study {@code studyId} when it is not null. */
  public JobPage list(Collection<JobStatus> statuses, UUID studyId, int page, int size) {
    PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
    boolean all = statuses == null || statuses.isEmpty();
    Page<TrainingJob> found = studyId == null
        ? (all ? jobs.findAll(request) : jobs.findByStatusIn(statuses, request))
        : (all ? jobs.findByStudyId(studyId, request) : jobs.findByStudyIdAndStatusIn(studyId, statuses, request));
    return new JobPage(found.map(JobView::of).getContent(), page, size, found.getTotalElements());
  }
}
