package dev.descent.api.job;

import dev.descent.engine.data.Preprocessing;
import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.predict.Predictor;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import dev.descent.persistence.checkpoint.CheckpointInfo;
import dev.descent.persistence.checkpoint.CheckpointStore;
import dev.descent.persistence.job.JobView;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/jobs/{id}/predictions}: one of a job's checkpoints answers outputs for given rows (standardized
 * and whitened as the job's data was, with the transform the checkpoint stores; refitted from the spec and seed for a
 * checkpoint that predates it) or scores the job's own split. It runs on
 * the request thread; at most {@code descent.predictions.max-rows} rows per request.
 */
@Service
public class PredictionService {
  private static final int MAX_REPORTED = 20;

  private final JobApplicationService jobs;
  private final CheckpointStore checkpoints;
  private final EngineLimits limits;
  private final JsonMapper json;
  private final int maxRows;

  PredictionService(JobApplicationService jobs, CheckpointStore checkpoints, EngineLimits limits, JsonMapper json,
      @Value("${descent.predictions.max-rows:10000}") int maxRows) {
    this.jobs = jobs;
    this.checkpoints = checkpoints;
    this.limits = limits;
    this.json = json;
    this.maxRows = maxRows;
  }

  public PredictionResult predict(UUID id, String body) {
    PredictionRequest request = PredictionRequest.read(json, body, maxRows);
    JobView job = jobs.get(id);
    if (!(JobSpecs.parse(job.specJson(), limits) instanceof TrainingSpec spec)) {
      throw new JobConflictException("job " + id + " is an online job; predictions need a trained network");
    }
    CheckpointInfo chosen =
        CheckpointChoice.choose(id, checkpoints.list(id), request, RetentionPolicy.ofStored(job.specJson()));
    Predictor predictor = Predictor.of(checkpoints.content(id, chosen.id())
        .orElseThrow(() -> new JobNotFoundException("job " + id + " has no checkpoint " + chosen.id())));
    Preprocessing preprocessing = predictor.preprocessing()
        .orElseGet(() -> TrainingData.prepare(spec.dataset(), spec.seed()).preprocessing());
    if (request.split() != null) {
      return new PredictionResult(chosen, predictor.evaluate(split(spec, request.split(), preprocessing)));
    }
    checkWidths(request.inputs(), predictor.inputWidth());
    float[][] rows = preprocessing.apply(request.inputs());
    return new PredictionResult(chosen, request.labels() == null ? predictor.predict(rows)
        : predictor.evaluate(labelled(rows, request.labels(), predictor.outputWidth())));
  }

  /** The job's own split (the split its training made) with the checkpoint's preprocessing applied. */
  private Samples split(TrainingSpec spec, String split, Preprocessing preprocessing) {
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed(), preprocessing);
    Samples samples = split.equals("train") ? data.train() : data.validation();
    if (samples.size() > maxRows) {
      throw new TooManyRowsException("/dataset/split", samples.size(), maxRows);
    }
    if (samples.size() == 0) {
      throw new SpecException("/dataset/split", "the job has no " + split + " rows");
    }
    return samples;
  }

  /** Given rows with their labels: class indices below the output width for a classifier, values for a regression. */
  private static Samples labelled(float[][] rows, float[] labels, int outputs) {
    if (outputs == 1) {
      return Samples.regression(rows, labels);
    }
    int[] classes = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != Math.rint(labels[i]) || labels[i] < 0 || labels[i] >= outputs) {
        throw new SpecException("/labels/" + i, "must be a class index from 0 to " + (outputs - 1));
      }
      classes[i] = (int) labels[i];
    }
    return Samples.classification(rows, classes, outputs);
  }

  private static void checkWidths(float[][] rows, int width) {
    List<Violation> wrong = new ArrayList<>();
    for (int i = 0; i < rows.length && wrong.size() < MAX_REPORTED; i++) {
      if (rows[i].length != width) {
        wrong.add(new Violation("/inputs/" + i, "has " + rows[i].length + " values; the model takes " + width));
      }
    }
    if (!wrong.isEmpty()) {
      throw new SpecException(wrong);
    }
  }
}
