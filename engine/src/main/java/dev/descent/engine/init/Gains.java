package dev.descent.engine.init;

import java.util.List;

/**
 * PyTorch's {@code torch.nn.init.calculate_gain}: the factor by which a nonlinearity changes its input's standard
 * deviation, inverted. {@code linear}, {@code sigmoid}: 1; {@code tanh}: 5/3; {@code relu}: √2; {@code leaky_relu}
 * with slope {@code a}: {@code √(2/(1 + a²))}; {@code selu}: 3/4.
 */
public final class Gains {
  /** The nonlinearities {@link #of} knows. */
  public static final List<String> NONLINEARITIES =
      List.of("linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu");

  private Gains() {}

  public static double of(String nonlinearity, double negativeSlope) {
    return switch (nonlinearity) {
      case "linear", "sigmoid" -> 1.0;
      case "tanh" -> 5.0 / 3.0;
      case "relu" -> Math.sqrt(2.0);
      case "leaky_relu" -> Math.sqrt(2.0 / (1.0 + negativeSlope * negativeSlope));
      case "selu" -> 0.75;
      default -> throw new IllegalArgumentException("unknown nonlinearity '" + nonlinearity + "'");
    };
  }
}
