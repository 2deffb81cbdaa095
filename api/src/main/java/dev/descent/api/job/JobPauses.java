package dev.descent.api.job;

import dev.descent.persistence.job.IllegalTransitionException;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.JobView;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/v1/jobs/{id}/pause} and {@code /unpause}: a queued job is PAUSED at once; a running one is
 * PAUSING until its worker checkpoints at the next update and lets it go (PAUSED, no attempt used up). Unpausing
 * queues it again with its priority and age; the next claim continues from that checkpoint.
 */
@Service
public class JobPauses {

  private final JobApplicationService jobs;
  private final JobService jobService;

  JobPauses(JobApplicationService jobs, JobService jobService) {
    this.jobs = jobs;
    this.jobService = jobService;
  }

  /** Pauses a queued or running job; one already pausing or paused is returned unchanged. */
  public JobView pause(UUID id) {
    return change(id, "paused", () -> jobService.pause(id, "paused by request"));
  }

  /** Queues a paused job again, in the place its priority and age give it. */
  public JobView unpause(UUID id) {
    return change(id, "unpaused", () -> jobService.unpause(id, "unpaused by request"));
  }

  private JobView change(UUID id, String done, Supplier<Optional<JobView>> change) {
    jobs.get(id);
    try {
      return change.get().orElseThrow(() -> new JobNotFoundException(id));
    } catch (IllegalTransitionException e) {
      throw new JobConflictException("job " + id + " is " + jobs.get(id).status() + "; it cannot be " + done);
    }
  }
}
