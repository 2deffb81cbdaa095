package dev.descent.api.job;

import dev.descent.engine.predict.Prediction;
import dev.descent.persistence.checkpoint.CheckpointInfo;

/** The checkpoint that answered a prediction request, and its answer. */
public record PredictionResult(CheckpointInfo checkpoint, Prediction prediction) {}
