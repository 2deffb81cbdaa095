package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.descent.engine.validation.Violation;
import java.util.Optional;

/**
 * One layer of a model, told apart by its JSON {@code type}. A new layer type is a new record implementing this
 * interface, a {@link LayerReader} registered in {@link LayerReaders}, and a case in the model builder; existing
 * types are untouched.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DenseLayerSpec.class, name = DenseLayerSpec.TYPE),
  @JsonSubTypes.Type(value = OutputLayerSpec.class, name = OutputLayerSpec.TYPE),
  @JsonSubTypes.Type(value = Conv2dLayerSpec.class, name = Conv2dLayerSpec.TYPE),
  @JsonSubTypes.Type(value = WeightNormConv2dLayerSpec.class, name = WeightNormConv2dLayerSpec.TYPE),
  @JsonSubTypes.Type(value = MaxPool2dLayerSpec.class, name = MaxPool2dLayerSpec.TYPE),
  @JsonSubTypes.Type(value = AvgPool2dLayerSpec.class, name = AvgPool2dLayerSpec.TYPE),
  @JsonSubTypes.Type(value = GlobalAvgPoolLayerSpec.class, name = GlobalAvgPoolLayerSpec.TYPE),
  @JsonSubTypes.Type(value = FlattenLayerSpec.class, name = FlattenLayerSpec.TYPE),
  @JsonSubTypes.Type(value = DropoutLayerSpec.class, name = DropoutLayerSpec.TYPE),
  @JsonSubTypes.Type(value = BatchNormLayerSpec.class, name = BatchNormLayerSpec.TYPE),
  @JsonSubTypes.Type(value = LayerNormLayerSpec.class, name = LayerNormLayerSpec.TYPE),
  @JsonSubTypes.Type(value = GroupNormLayerSpec.class, name = GroupNormLayerSpec.TYPE),
  @JsonSubTypes.Type(value = InstanceNormLayerSpec.class, name = InstanceNormLayerSpec.TYPE),
  @JsonSubTypes.Type(value = WeightNormDenseLayerSpec.class, name = WeightNormDenseLayerSpec.TYPE),
  @JsonSubTypes.Type(value = MaxoutLayerSpec.class, name = MaxoutLayerSpec.TYPE),
  @JsonSubTypes.Type(value = ResidualLayerSpec.class, name = ResidualLayerSpec.TYPE)
})
public sealed interface LayerSpec permits FullyConnectedLayerSpec, WindowLayerSpec, GlobalAvgPoolLayerSpec,
    FlattenLayerSpec, DropoutLayerSpec, BatchNormLayerSpec, LayerNormLayerSpec, GroupNormLayerSpec,
    InstanceNormLayerSpec, ResidualLayerSpec {
  /**
   * The number of parameters this layer stores (DL4J's {@code numParams}) when fed {@code input} per sample; none
   * unless the layer says otherwise.
   */
  default long parameterCount(Shape input) {
    return 0;
  }

  /** The activations per sample this layer passes on, given {@code input}; by default its shape unchanged. */
  default Shape outputShape(Shape input) {
    return input;
  }

  /** A violation when this layer cannot take {@code input}; {@code at} is the layer's pointer. */
  default Optional<Violation> checkInput(Shape input, String at) {
    return Optional.empty();
  }

  /** Whether the layer works on images, so that an image dataset is fed as images rather than vectors. */
  default boolean spatial() {
    return false;
  }
}
