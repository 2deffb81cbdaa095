package dev.descent.api.job;

import dev.descent.persistence.job.JobDeletion;
import dev.descent.persistence.job.JobView;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@code DELETE /api/v1/jobs/{id}}: a finished job goes with its timeline, metrics and checkpoints (their large
 * objects included) in one transaction ({@link JobDeletion}). The job is read through
 * {@link JobApplicationService#get}, so a job the caller may not see is missing (404). A job that has not finished is
 * a 409 (cancel it first); so is a study's trial, which stays with its study (its summary and rungs name it).
 */
@Service
public record JobDeletions(JobApplicationService jobs, JobDeletion deletion) {
  /** Deletes job {@code id} with everything stored of it; see the class comment for what is refused. */
  public void delete(UUID id) {
    JobView job = jobs.get(id);
    refuse(job);
    if (!deletion.deleteFinished(id)) {
      refuse(jobs.get(id)); // it changed meanwhile (resumed, or deleted: 404)
      throw new JobConflictException("job " + id + " changed while it was being deleted; try again");
    }
  }

  private static void refuse(JobView job) {
    if (job.studyId() != null) {
      throw new JobConflictException("job " + job.id() + " is a trial of study " + job.studyId()
          + "; trials stay with their study");
    }
    if (!job.status().isTerminal()) {
      throw new JobConflictException("job " + job.id() + " is " + job.status()
          + "; cancel it first (POST /api/v1/jobs/" + job.id() + "/cancel), then delete it once it is CANCELLED");
    }
  }
}
