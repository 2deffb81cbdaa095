package dev.descent.engine.spec;

import dev.descent.engine.validation.Violation;
import java.util.List;
import java.util.Optional;

/**
 * A residual block {@code y = activation(x + F(x))} (He, Zhang, Ren &amp; Sun 2016, arXiv:1512.03385): F is
 * {@code layers} in order, and must give back its input's shape, so that the identity skip can be added.
 */
public record ResidualLayerSpec(List<LayerSpec> layers, String activation) implements LayerSpec {
  public static final String TYPE = "residual";
  public static final String DEFAULT_ACTIVATION = "relu";

  public ResidualLayerSpec {
    layers = List.copyOf(layers);
  }

  @Override
  public long parameterCount(Shape input) {
    long total = 0;
    Shape shape = input;
    for (LayerSpec layer : layers) {
      total += layer.parameterCount(shape);
      shape = layer.outputShape(shape);
    }
    return total;
  }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  /**
   * Each inner layer takes its input ({@code at/layers/i}), and F's output has F's input's shape
   * ({@code at/layers}).
   */
  @Override
  public Optional<Violation> checkInput(Shape input, String at) {
    if (!layers.isEmpty() && layers.stream().allMatch(FlattenLayerSpec.class::isInstance)) {
      return Optional.of(new Violation(at + "/layers", "needs a layer other than flatten"));
    }
    Shape shape = input;
    for (int i = 0; i < layers.size(); i++) {
      Optional<Violation> violation = layers.get(i).checkInput(shape, at + "/layers/" + i);
      if (violation.isPresent()) {
        return violation;
      }
      shape = layers.get(i).outputShape(shape);
    }
    if (!shape.equals(input)) {
      return Optional.of(new Violation(at + "/layers", "the block's layers turn its input of " + describe(input)
          + " into " + describe(shape) + "; they must keep the shape, so that the input can be added"));
    }
    return Optional.empty();
  }

  @Override
  public boolean spatial() {
    return layers.stream().anyMatch(LayerSpec::spatial);
  }

  private static String describe(Shape s) {
    return s.image() ? s.channels() + "×" + s.height() + "×" + s.width() + " images" : s.channels() + " features";
  }
}
