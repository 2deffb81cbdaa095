package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a model, told apart by its JSON {@code type}. A new layer type is a new record implementing this
 * interface, a {@link LayerReader} registered in {@link LayerReaders}, and a case in the model builder; existing
 * types are untouched.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DenseLayerSpec.class, name = DenseLayerSpec.TYPE),
  @JsonSubTypes.Type(value = OutputLayerSpec.class, name = OutputLayerSpec.TYPE)
})
public sealed interface LayerSpec permits DenseLayerSpec, OutputLayerSpec {
  /**
   * The number of trainable parameters this layer has when fed {@code inputs} activations per sample.
   */
  long parameterCount(long inputs);

  /** How many activations per sample this layer passes on, given {@code inputs}. */
  long outputCount(long inputs);
}
