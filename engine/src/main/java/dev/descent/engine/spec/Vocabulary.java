package dev.descent.engine.spec;

import java.util.Set;

/** The names a spec may use for activations, losses and weight initializations. */
public final class Vocabulary {
  public static final Set<String> ACTIVATIONS =
      Set.of("relu", "leakyrelu", "tanh", "sigmoid", "softmax", "identity", "elu", "gelu", "swish", "softplus");
  public static final Set<String> LOSSES = Set.of("mcxent", "xent", "mse", "l1", "negativeloglikelihood");
  public static final Set<String> WEIGHT_INITS =
      Set.of("xavier", "relu", "xavier_uniform", "relu_uniform", "lecun_normal", "uniform", "normal", "zero");

  private Vocabulary() {}
}
