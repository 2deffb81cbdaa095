package dev.descent.api.job;

import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.engine.training.CheckpointRebase;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.CheckpointStore;
import dev.descent.persistence.job.IllegalTransitionException;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.JobView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/jobs/{id}/resume}: a FAILED or CANCELLED job continues from a checkpoint, optionally with more
 * or fewer epochs and changed optimizer hyperparameters or schedule. A changed optimizer is carried into a new
 * checkpoint at the same step ({@link CheckpointRebase}), so the next attempt — and any crash-resume after it —
 * continues from that one. Later checkpoints are discarded; the worker discards later metric points.
 */
@Service
public class JobResumption {
  private static final Set<String> FIELDS = Set.of("checkpointId", "changes");
  private static final Set<String> CHANGES = Set.of("epochs", "optimizer", "schedule");

  private final JobApplicationService jobs;
  private final JobService jobService;
  private final CheckpointStore checkpoints;
  private final EngineLimits limits;
  private final JsonMapper json;

  JobResumption(JobApplicationService jobs, JobService jobService, CheckpointStore checkpoints,
      EngineLimits limits, JsonMapper json) {
    this.jobs = jobs;
    this.jobService = jobService;
    this.checkpoints = checkpoints;
    this.limits = limits;
    this.json = json;
  }

  public JobView resume(UUID id, String body) {
    JsonNode request = read(body);
    JobView job = jobs.get(id);
    if (!job.status().isTerminal() || job.status().name().equals("SUCCEEDED")) {
      throw new JobConflictException("only a FAILED or CANCELLED job can be resumed; job " + id + " is "
          + job.status());
    }
    JsonNode changes = request.path("changes");
    JobSpec spec = changed(job.specJson(), changes);
    Optional<CheckpointInfo> from = checkpoint(id, request.path("checkpointId"));
    if (from.isPresent() && spec instanceof TrainingSpec training && training.epochs() <= from.get().epoch()) {
      throw new SpecException("/changes/epochs", "must be more than the checkpoint's epoch " + from.get().epoch()
          + ", or there is nothing left to train");
    }
    from.ifPresent(c -> carryOver(id, c, spec, changes));
    try {
      return jobService.resume(id, JobSpecs.toJson(spec), spec.maxAttempts(),
          from.map(c -> "resumed from checkpoint at step " + c.step()).orElse("resumed from scratch"))
          .orElseThrow(() -> new JobNotFoundException(id));
    } catch (IllegalTransitionException e) {
      throw new JobConflictException("job " + id + " cannot be resumed now: " + e.getMessage());
    }
  }

  private JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode();
    }
    JsonNode request;
    try {
      request = json.readTree(body);
    } catch (JacksonException e) {
      throw new SpecException("", "malformed JSON: " + e.getOriginalMessage());
    }
    if (!request.isObject()) {
      throw new SpecException("", "must be an object with checkpointId and/or changes");
    }
    unknown(request, FIELDS, "");
    if (request.has("changes")) {
      if (!request.get("changes").isObject()) {
        throw new SpecException("/changes", "must be an object");
      }
      unknown(request.get("changes"), CHANGES, "/changes");
    }
    return request;
  }

  /** Refuses a field not in {@code allowed} as every spec reader does ({@link FieldReader#unknownFields}). */
  private static void unknown(JsonNode node, Set<String> allowed, String prefix) {
    List<Violation> violations = FieldReader.unknownFields(node.propertyNames(), prefix, allowed);
    if (!violations.isEmpty()) {
      throw new SpecException(violations);
    }
  }

  /** The stored spec with the changes merged in, validated as a whole (pointers under /changes). */
  private JobSpec changed(String storedSpec, JsonNode changes) {
    ObjectNode spec = (ObjectNode) json.readTree(storedSpec);
    if (changes.has("epochs")) {
      spec.set("epochs", changes.get("epochs"));
    }
    if (changes.has("optimizer")) {
      JsonNode optimizer = changes.get("optimizer");
      if (!optimizer.isObject()) {
        throw new SpecException("/changes/optimizer", "must be an object of fields to change");
      }
      if (optimizer.has("type") && !optimizer.get("type").equals(spec.path("optimizer").path("type"))) {
        throw new SpecException("/changes/optimizer/type", "must stay " + spec.path("optimizer").path("type"));
      }
      ((ObjectNode) spec.get("optimizer")).setAll((ObjectNode) optimizer);
    }
    if (changes.has("schedule")) {
      spec.set("schedule", changes.get("schedule"));
    }
    try {
      return JobSpecs.parse(spec.toString(), limits);
    } catch (SpecException e) {
      throw new SpecException(e.violations().stream()
          .map(v -> new Violation("/changes" + v.pointer(), v.message())).toList());
    }
  }

  private Optional<CheckpointInfo> checkpoint(UUID id, JsonNode requested) {
    if (requested.isMissingNode() || requested.isNull()) {
      return CheckpointKinds.latestResumable(checkpoints.list(id));
    }
    UUID checkpointId;
    try {
      checkpointId = UUID.fromString(requested.asString());
    } catch (IllegalArgumentException e) {
      throw new SpecException("/checkpointId", "must be the id of one of the job's checkpoints");
    }
    CheckpointInfo chosen = jobs.checkpoint(id, checkpointId);
    if (!CheckpointKinds.isResumable(chosen)) {
      throw new SpecException("/checkpointId", "a " + chosen.kind() + " checkpoint holds no training state");
    }
    return Optional.of(chosen);
  }

  /** Drops what came after the checkpoint; re-saves it under a changed optimizer or schedule. */
  private void carryOver(UUID id, CheckpointInfo from, JobSpec spec, JsonNode changes) {
    checkpoints.list(id).stream().filter(c -> c.step() > from.step()).forEach(c -> checkpoints.delete(id, c.id()));
    boolean optimizerChanged = changes.has("optimizer") || changes.has("schedule");
    if (optimizerChanged && spec instanceof TrainingSpec training) {
      byte[] content = checkpoints.content(id, from.id()).orElseThrow(() -> new JobNotFoundException(
          "job " + id + " has no checkpoint " + from.id()));
      checkpoints.save(id, from.attempt(), CheckpointKind.PERIODIC.wireName(), from.step(), from.epoch(),
          CheckpointRebase.withSpec(content, training), from.metrics());
    }
  }
}
