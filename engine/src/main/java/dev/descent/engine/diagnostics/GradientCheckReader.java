package dev.descent.engine.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.spec.DatasetSpec;
import dev.descent.engine.spec.DenseLayerSpec;
import dev.descent.engine.spec.DropoutLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.ModelSpec;
import dev.descent.engine.spec.ModelSpecs;
import dev.descent.engine.spec.ResidualLayerSpec;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.validation.FieldReader;
import dev.descent.engine.validation.SpecException;
import java.util.List;
import java.util.Set;

/**
 * Reads a gradient-check request. The model is read by the job spec's reader (same fields, defaults, pointers and
 * shape checks); dropout is refused, since a check needs a deterministic score.
 */
final class GradientCheckReader {
  static final double DEFAULT_EPSILON = 1e-6;
  static final double DEFAULT_TOLERANCE = 1e-5;
  static final int DEFAULT_SAMPLES = 100;
  static final int DEFAULT_ROWS = 16;
  private static final Set<String> FIELDS =
      Set.of("model", "dataset", "inputs", "labels", "rows", "epsilon", "samples", "tolerance", "seed");

  private final GradientCheckLimits limits;
  private final DataFolder data;
  private final FieldReader reader = new FieldReader();

  GradientCheckReader(GradientCheckLimits limits, DataFolder data) {
    this.limits = limits;
    this.data = data;
  }

  GradientCheckRequest read(JsonNode request) {
    ObjectNode root = reader.object(request, "", FIELDS);
    if (root == null) {
      throw new SpecException(reader.violations());
    }
    CheckSettings settings = settings(root);
    int rows = (int) reader.integer(root, "", "rows", (long) DEFAULT_ROWS, 1, limits.maxRows());
    if (root.has("dataset") && (root.has("inputs") || root.has("labels"))) {
      reader.add("/dataset", "give either a dataset or inputs and labels, not both");
    }
    InputRows given = root.has("dataset") ? null : InputRows.read(reader, root, limits.maxRows());
    DatasetSpec dataset = given != null ? given.dataset() : ModelSpecs.readDataset(reader,
        reader.field(root, "", "dataset", false), data).orElse(null);
    ModelSpec model = ModelSpecs.readModel(reader, reader.field(root, "", "model", true), dataset,
        limits.maxLayers());
    refuseDropout(model.layers(), "/model/layers");
    TrainingSpec spec = new TrainingSpec("gradient-check", settings.seed(), dataset, model, null, null, 1, rows, null,
        0, 1, List.of(), null, null, List.of(), List.of(), null, null, null, null, null);
    if (dataset != null && !model.layers().isEmpty() && reader.violations().isEmpty()) {
      checkParameterCount(spec);
    }
    if (!reader.violations().isEmpty()) {
      throw new SpecException(reader.violations());
    }
    return new GradientCheckRequest(spec, given == null ? null : given.inputs(),
        given == null ? null : given.labels(), rows, settings);
  }

  private CheckSettings settings(ObjectNode root) {
    return new CheckSettings(
        reader.number(root, "", "epsilon", DEFAULT_EPSILON, 1e-12, 1e-2),
        reader.number(root, "", "tolerance", DEFAULT_TOLERANCE, 1e-15, 1.0),
        (int) reader.integer(root, "", "samples", (long) DEFAULT_SAMPLES, 1, limits.maxSamples()),
        reader.integer(root, "", "seed", SpecParser.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  private void checkParameterCount(TrainingSpec spec) {
    long count = SpecParser.parameterCount(spec);
    if (count > limits.maxParameters()) {
      reader.add("/model/layers", "the model has " + count + " parameters, more than the gradient-check limit of "
          + limits.maxParameters());
    }
  }

  private void refuseDropout(List<LayerSpec> layers, String at) {
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec layer = layers.get(i);
      if (layer instanceof DenseLayerSpec dense && dense.dropout() > 0) {
        reader.add(at + "/" + i + "/dropout", "must be 0: a gradient check needs a deterministic score");
      } else if (layer instanceof DropoutLayerSpec) {
        reader.add(at + "/" + i + "/type", "dropout layers are refused: a gradient check needs a deterministic score");
      } else if (layer instanceof ResidualLayerSpec residual) {
        refuseDropout(residual.layers(), at + "/" + i + "/layers");
      }
    }
  }
}
