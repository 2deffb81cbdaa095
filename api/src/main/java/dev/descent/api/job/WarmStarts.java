package dev.descent.api.job;

import dev.descent.api.security.Ownership;
import dev.descent.engine.spec.CurriculumSpec;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spec.WarmStartSpec;
import dev.descent.engine.training.Curriculum;
import dev.descent.engine.training.WarmStart;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.CheckpointStore;
import dev.descent.persistence.job.JobReader;
import dev.descent.persistence.job.JobView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Warm starts ({@code init}) and curricula scored by another job ({@code curriculum.scoredBy}) on the service's side:
 * both start from another job's checkpoint. At submit, {@link #resolve} finds the source job and its checkpoint
 * ({@code best}, {@code final} or an id, chosen as predictions choose, {@link CheckpointChoice}; a curriculum's
 * {@code best} falls back to the final checkpoint when no periodic one has the metric), checks the parameter shapes
 * (every copied layer's, {@link WarmStart#check}; the whole network's for a curriculum, {@link Curriculum#check}) and
 * gives the spec JSON to store, with {@code init.checkpoint} and {@code curriculum.checkpoint} replaced by the resolved
 * checkpoints' ids, so that the job always starts from the same parameters and the same order. A worker starting the
 * job fresh reads those checkpoints' content ({@link #source}). The source must be a job the submitter sees
 * ({@link Ownership}): another tenant's job "does not exist", exactly as a missing one.
 */
@Component
public class WarmStarts {
  private static final String AT = "/init";
  private static final String CURRICULUM_AT = "/curriculum";

  private final JobReader jobs;
  private final CheckpointStore checkpoints;

  WarmStarts(JobReader jobs, CheckpointStore checkpoints) {
    this.jobs = jobs;
    this.checkpoints = checkpoints;
  }

  /** The JSON to store for {@code spec}; throws {@link SpecException} at {@code /init/…} when it cannot start. */
  public String resolve(JobSpec spec) {
    if (!(spec instanceof TrainingSpec training)) {
      return JobSpecs.toJson(spec);
    }
    String json = JobSpecs.toJson(spec);
    WarmStartSpec init = training.init();
    if (init != null) {
      CheckpointInfo chosen = resolve(AT, "/fromJob", init.fromJob(), init.checkpoint(), false,
          content -> WarmStart.check(training, content));
      json = JobSpecs.withCheckpoint(json, "init", chosen.id().toString());
    }
    CurriculumSpec curriculum = training.curriculum();
    if (curriculum != null && curriculum.scoredByJob()) {
      CheckpointInfo chosen = resolve(CURRICULUM_AT, "/scoredBy", curriculum.scoredBy(), curriculum.checkpoint(),
          CurriculumSpec.BEST.equals(curriculum.checkpoint()), content -> Curriculum.check(training, content));
      json = JobSpecs.withCheckpoint(json, "curriculum", chosen.id().toString());
    }
    return json;
  }

  /**
   * The checkpoint {@code checkpoint} of job {@code jobText} (with {@code finalIfNoBest}, the final one when there is
   * no best), checked by {@code shapes}; problems at {@code at + jobField} and {@code at/checkpoint}.
   */
  private CheckpointInfo resolve(String at, String jobField, String jobText, String checkpoint, boolean finalIfNoBest,
      Function<byte[], List<Violation>> shapes) {
    UUID sourceId = id(at + jobField, jobText);
    JobView source = jobs.find(sourceId, Ownership.visibility())
        .orElseThrow(() -> new SpecException(at + jobField, "job " + sourceId + " does not exist"));
    CheckpointInfo chosen;
    try {
      chosen = choose(at, source, checkpoint);
    } catch (SpecException e) {
      if (!finalIfNoBest) {
        throw e;
      }
      chosen = choose(at, source, PredictionRequest.FINAL);
    }
    CheckpointInfo found = chosen;
    byte[] content = checkpoints.content(sourceId, found.id()).orElseThrow(
        () -> new SpecException(at + "/checkpoint", "checkpoint " + found.id() + " is gone"));
    List<Violation> problems;
    try {
      problems = shapes.apply(content);
    } catch (RuntimeException e) {
      throw new SpecException(at + jobField, "job " + sourceId + "'s checkpoints are not networks of layers");
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return found;
  }

  /** The content of the checkpoint a stored warm start names, or empty when it (or its job) was deleted. */
  public Optional<byte[]> source(WarmStartSpec init) {
    return source(init.fromJob(), init.checkpoint());
  }

  /** The content of the checkpoint a stored curriculum's {@code scoredBy} names, or empty when it was deleted. */
  public Optional<byte[]> source(CurriculumSpec curriculum) {
    return source(curriculum.scoredBy(), curriculum.checkpoint());
  }

  private Optional<byte[]> source(String job, String checkpoint) {
    try {
      return checkpoints.content(UUID.fromString(job), UUID.fromString(checkpoint));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private CheckpointInfo choose(String at, JobView source, String checkpoint) {
    try {
      return CheckpointChoice.choose(source.id(), checkpoints.list(source.id()),
          new PredictionRequest(checkpoint, null, null, null, null), RetentionPolicy.ofStored(source.specJson()));
    } catch (SpecException e) {
      throw new SpecException(at + "/checkpoint", e.violations().get(0).message());
    } catch (JobNotFoundException e) {
      throw new SpecException(at + "/checkpoint", e.getMessage());
    }
  }

  private static UUID id(String at, String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new SpecException(at, "must be a job id, got '" + text + "'");
    }
  }
}
