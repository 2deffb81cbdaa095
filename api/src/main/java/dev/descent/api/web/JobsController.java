package dev.descent.api.web;

import dev.descent.api.job.JobApplicationService;
import dev.descent.api.job.JobDeletions;
import dev.descent.api.job.JobPauses;
import dev.descent.api.job.JobResumption;
import dev.descent.api.web.generated.JobsApi;
import dev.descent.api.web.generated.model.ExampleList;
import dev.descent.api.web.generated.model.Job;
import dev.descent.api.web.generated.model.JobPage;
import dev.descent.api.web.generated.model.JobStatus;
import dev.descent.persistence.job.JobView;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Submit, list, read, cancel, pause, resume and delete jobs (openapi.yaml, tag {@code jobs}). The
 * {@code Idempotency-Key} header is honoured before these methods run, by {@code api.idempotency.IdempotencyFilter}.
 */
@RestController
record JobsController(JobApplicationService jobs, JobMapper mapper, Examples examples, JobResumption resumption,
    JobPauses pauses, JobDeletions deletions) implements JobsApi {
  @Override
  public ResponseEntity<Job> submitJob(String body, String idempotencyKey) {
    Job job = mapper.toJob(jobs.submit(body));
    return ResponseEntity.created(URI.create("/api/v1/jobs/" + job.getId())).body(job);
  }

  @Override
  public ResponseEntity<JobPage> listJobs(List<JobStatus> status, UUID study, Integer page, Integer size,
      String view) {
    boolean full = switch (view) {
      case "full" -> true;
      case "summary" -> false;
      default -> throw new InvalidParameterException("view", "must be summary or full");
    };
    var statuses = status == null ? List.<dev.descent.persistence.job.JobStatus>of()
        : status.stream().map(JobMapper::status).toList();
    var found = jobs.list(statuses, study, page, size, full);
    int totalPages = (int) ((found.totalElements() + size - 1) / size);
    Function<JobView, Object> item = full ? mapper::toJob : mapper::toSummary;
    List<Object> items = found.items().stream().map(item).toList();
    return ResponseEntity.ok(new JobPage(items, page, size, found.totalElements(), totalPages));
  }

  @Override
  public ResponseEntity<Job> getJob(UUID id) {
    return ResponseEntity.ok(mapper.toJob(jobs.get(id)));
  }

  @Override
  public ResponseEntity<Void> deleteJob(UUID id) {
    deletions.delete(id);
    return ResponseEntity.noContent().build();
  }

  @Override
  public ResponseEntity<Job> cancelJob(UUID id, String idempotencyKey) {
    return ResponseEntity.ok(mapper.toJob(jobs.cancel(id)));
  }

  @Override
  public ResponseEntity<Job> resumeJob(UUID id, String idempotencyKey, String body) {
    return ResponseEntity.ok(mapper.toJob(resumption.resume(id, body)));
  }

  @Override
  public ResponseEntity<Job> pauseJob(UUID id, String idempotencyKey) {
    return ResponseEntity.ok(mapper.toJob(pauses.pause(id)));
  }

  @Override
  public ResponseEntity<Job> unpauseJob(UUID id, String idempotencyKey) {
    return ResponseEntity.ok(mapper.toJob(pauses.unpause(id)));
  }

  @Override
  public ResponseEntity<ExampleList> listExamples() {
    return ResponseEntity.ok(examples.list());
  }
}
