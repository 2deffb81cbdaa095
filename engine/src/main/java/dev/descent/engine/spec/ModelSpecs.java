package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.validation.FieldReader;
import java.util.Optional;

/**
 * The job spec's {@code /dataset} and {@code /model} readers for other requests that carry a model (the gradient
 * check): the same fields, defaults, pointers and shape checks as in a job.
 */
public final class ModelSpecs {
  private ModelSpecs() {}

  /** The dataset at {@code /dataset}, or empty when it is invalid (the violations are in {@code reader}). */
  public static Optional<DatasetSpec> readDataset(FieldReader reader, JsonNode node, DataFolder data) {
    return new DatasetSpecReader(reader, data).read(node);
  }

  /** The model at {@code /model}, shape-checked against {@code dataset} unless it is null. */
  public static ModelSpec readModel(FieldReader reader, JsonNode node, DatasetSpec dataset, int maxLayers) {
    return new ModelSpecReader(reader, maxLayers).read(node, dataset);
  }
}
