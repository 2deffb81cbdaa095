package dev.descent.api.job;

import dev.descent.api.security.Ownership;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spec.WarmStartSpec;
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
import org.springframework.stereotype.Component;

/**
 * Warm starts ({@code init}) on the service's side. At submit, {@link #resolve} finds the source job and its
 * checkpoint ({@code best}, {@code final} or an id, chosen as predictions choose, {@link CheckpointChoice}), checks
 * that every copied layer's parameter shapes match ({@link WarmStart#check}) and gives the spec JSON to store, with
 * {@code init.checkpoint} replaced by the resolved checkpoint's id, so that the job always starts from the same
 * parameters. The source must be a job the submitter sees ({@link Ownership}): another tenant's job "does not exist"
 * at {@code /init/fromJob}, exactly as a missing one. A worker starting the job fresh reads that checkpoint's content
 * ({@link #source}).
 */
@Component
public class WarmStarts {
  private static final String AT = "/init";

  private final JobReader jobs;
  private final CheckpointStore checkpoints;

  WarmStarts(JobReader jobs, CheckpointStore checkpoints) {
    this.jobs = jobs;
    this.checkpoints = checkpoints;
  }

  /** The JSON to store for {@code spec}; throws {@link SpecException} at {@code /init/…} when it cannot start. */
  public String resolve(JobSpec spec) {
    if (!(spec instanceof TrainingSpec training) || training.init() == null) {
      return JobSpecs.toJson(spec);
    }
    WarmStartSpec init = training.init();
    UUID sourceId = id(init.fromJob());
    JobView source = jobs.find(sourceId, Ownership.visibility())
        .orElseThrow(() -> new SpecException(AT + "/fromJob", "job " + sourceId + " does not exist"));
    CheckpointInfo chosen = choose(source, init.checkpoint());
    byte[] content = checkpoints.content(sourceId, chosen.id()).orElseThrow(
        () -> new SpecException(AT + "/checkpoint", "checkpoint " + chosen.id() + " is gone"));
    List<Violation> shapes;
    try {
      shapes = WarmStart.check(training, content);
    } catch (RuntimeException e) {
      throw new SpecException(AT + "/fromJob", "job " + sourceId + "'s checkpoints are not networks of layers");
    }
    if (!shapes.isEmpty()) {
      throw new SpecException(shapes);
    }
    return JobSpecs.withInitCheckpoint(training, chosen.id().toString());
  }

  /** The content of the checkpoint a stored warm start names, or empty when it (or its job) was deleted. */
  public Optional<byte[]> source(WarmStartSpec init) {
    try {
      return checkpoints.content(UUID.fromString(init.fromJob()), UUID.fromString(init.checkpoint()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private CheckpointInfo choose(JobView source, String checkpoint) {
    try {
      return CheckpointChoice.choose(source.id(), checkpoints.list(source.id()),
          new PredictionRequest(checkpoint, null, null, null, null), RetentionPolicy.ofStored(source.specJson()));
    } catch (SpecException e) {
      throw new SpecException(AT + "/checkpoint", e.violations().get(0).message());
    } catch (JobNotFoundException e) {
      throw new SpecException(AT + "/checkpoint", e.getMessage());
    }
  }

  private static UUID id(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new SpecException(AT + "/fromJob", "must be a job id, got '" + text + "'");
    }
  }
}
