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
    PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
    Page<TrainingJob> found =
        statuses == null || statuses.isEmpty() ? jobs.findAll(request) : jobs.findByStatusIn(statuses, request);
    return new JobPage(found.map(JobView::of).getContent(), page, size, found.getTotalElements());
  }
}
