package dev.descent.engine.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.validation.FieldReader;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code /pretraining} ({@link PretrainingSpec}). The model must be a stack the stages can cut: fully connected
 * layers ({@code dense}, {@code weightnorm_dense}, {@code maxout}) with {@code dropout}, {@code layernorm} and
 * {@code batchnorm} between them (batch norm not with {@code freezeEarlier}: its running statistics move in every
 * forward pass), at least one of them hidden. Refused with {@code phases}, {@code init}, {@code curriculum} and
 * full-batch optimizers; the pretraining epochs count against the epoch limit with the job's {@code epochs}.
 */
final class PretrainingSpecReader {
  static final String AT = "/pretraining";
  private static final Set<String> FIELDS = Set.of("type", "epochsPerLayer", "freezeEarlier");
  private static final Set<String> TYPES = Set.of(PretrainingSpec.GREEDY_SUPERVISED);

  private final FieldReader reader;
  private final EngineLimits limits;

  PretrainingSpecReader(FieldReader reader, EngineLimits limits) {
    this.reader = reader;
    this.limits = limits;
  }

  /** The pretraining (null when absent or null); {@code root} is the whole spec, for the combinations refused. */
  PretrainingSpec read(ObjectNode root, ModelSpec model, boolean fullBatch) {
    JsonNode node = root.get("pretraining");
    if (node == null || node.isNull()) {
      return null;
    }
    ObjectNode o = reader.object(node, AT, FIELDS);
    if (o == null) {
      return null;
    }
    PretrainingSpec spec = new PretrainingSpec(reader.oneOf(o, AT, "type", null, TYPES),
        (int) reader.integer(o, AT, "epochsPerLayer", (long) PretrainingSpec.DEFAULT_EPOCHS_PER_LAYER, 1,
            limits.maxEpochs()),
        reader.bool(o, AT, "freezeEarlier", false));
    for (String other : List.of("phases", "init", "curriculum")) {
      if (root.hasNonNull(other)) {
        reader.add(AT, "cannot be combined with " + other);
      }
    }
    if (fullBatch) {
      reader.add(AT, "needs a minibatch optimizer (the stages train with the job's optimizer)");
    }
    checkModel(model, spec, root.path("model").path("layers"));
    long epochs = (long) spec.epochsPerLayer() * Math.max(1, hiddenLayers(model))
        + (root.path("epochs").canConvertToLong() ? root.path("epochs").asLong() : 0);
    if (epochs > limits.maxEpochs()) {
      reader.add(AT + "/epochsPerLayer", "pretraining and training add up to " + epochs + " epochs; at most "
          + limits.maxEpochs() + " are allowed");
    }
    return spec;
  }

  /** The hidden fully connected layers of a model (the stages), 0 for none. */
  static int hiddenLayers(ModelSpec model) {
    return (int) model.layers().stream().filter(PretrainingSpecReader::stacked).count();
  }

  /** Whether a layer ends a stage: a fully connected layer other than the output layer. */
  static boolean stacked(LayerSpec layer) {
    return layer instanceof FullyConnectedLayerSpec && !(layer instanceof OutputLayerSpec);
  }

  private void checkModel(ModelSpec model, PretrainingSpec spec, JsonNode written) {
    List<LayerSpec> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec layer = layers.get(i);
      boolean between = layer instanceof DropoutLayerSpec || layer instanceof LayerNormLayerSpec
          || layer instanceof BatchNormLayerSpec && !spec.freezeEarlier();
      if (!stacked(layer) && !between && !(layer instanceof OutputLayerSpec)) {
        reader.add(AT, "the model's layer " + i + " (" + written.path(i).path("type").asText()
            + ") cannot be pretrained greedily: only stacks of fully connected layers (dense, weightnorm_dense, "
            + "maxout, with dropout, layernorm or, without freezeEarlier, batchnorm between them) can");
        return;
      }
    }
    if (!layers.isEmpty() && hiddenLayers(model) == 0) {
      reader.add(AT, "the model has no hidden fully connected layer to pretrain");
    }
  }
}
