package dev.descent.engine.spec;

import java.util.Set;

/** The names a spec may use for activations and losses; weight inits are {@code init.WeightInits}'s. */
public final class Vocabulary {
  public static final Set<String> ACTIVATIONS =
      Set.of("relu", "leakyrelu", "tanh", "sigmoid", "softmax", "identity", "elu", "gelu", "swish", "softplus");
  public static final Set<String> LOSSES = Set.of("mcxent", "xent", "mse", "l1", "negativeloglikelihood");

  private Vocabulary() {}
}
