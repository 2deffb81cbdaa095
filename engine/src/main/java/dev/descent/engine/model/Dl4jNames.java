package dev.descent.engine.model;

import java.util.Map;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The DL4J constants behind the spec's activation and loss names ({@code spec.Vocabulary}). */
final class Dl4jNames {
  static final Map<String, Activation> ACTIVATIONS = Map.of(
      "relu", Activation.RELU,
      "leakyrelu", Activation.LEAKYRELU,
      "tanh", Activation.TANH,
      "sigmoid", Activation.SIGMOID,
      "softmax", Activation.SOFTMAX,
      "identity", Activation.IDENTITY,
      "elu", Activation.ELU,
      "gelu", Activation.GELU,
      "swish", Activation.SWISH,
      "softplus", Activation.SOFTPLUS);
  static final Map<String, LossFunction> LOSSES = Map.of(
      "mcxent", LossFunction.MCXENT,
      "xent", LossFunction.XENT,
      "mse", LossFunction.MSE,
      "l1", LossFunction.L1,
      "negativeloglikelihood", LossFunction.NEGATIVELOGLIKELIHOOD);


  private Dl4jNames() {}
}
