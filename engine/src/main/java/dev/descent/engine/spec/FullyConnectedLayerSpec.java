package dev.descent.engine.spec;

/**
 * A layer whose {@code units} each see every input value: {@code y = activation(x W + b)} with one weight per input
 * and unit and one bias per unit (weight normalization adds one scale per unit; maxout has {@code pieces} weights per
 * input and unit, and takes their max instead of an activation); its output is {@code units} values.
 */
public sealed interface FullyConnectedLayerSpec extends LayerSpec
    permits DenseLayerSpec, OutputLayerSpec, WeightNormDenseLayerSpec, MaxoutLayerSpec {
  int units();

  @Override
  default long parameterCount(Shape input) {
    return input.size() * units() + units();
  }

  @Override
  default Shape outputShape(Shape input) {
    return Shape.flat(units());
  }
}
