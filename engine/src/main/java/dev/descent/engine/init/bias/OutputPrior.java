package dev.descent.engine.init.bias;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The output bias under which a network with zero output weights predicts the training labels' marginals
 * (Goodfellow, Bengio and Courville 2016, §8.4; Karpathy 2019, "A Recipe for Training Neural Networks"). With {@code
 * p_j} the mean of label column {@code j}: softmax {@code b_j = log p_j}; sigmoid {@code b_j = log(p_j/(1 − p_j))};
 * identity (regression) {@code b_j = p_j}. Probabilities are clamped to {@code [MIN_PROBABILITY, 1 −
 * MIN_PROBABILITY]} so that an absent class gets a finite bias.
 */
final class OutputPrior {
  static final double MIN_PROBABILITY = 1e-6;

  private OutputPrior() {}

  static double[] bias(IActivation activation, INDArray labels) {
    double[] marginals = labels.castTo(DataType.DOUBLE).mean(0).toDoubleVector();
    double[] bias = new double[marginals.length];
    for (int j = 0; j < bias.length; j++) {
      bias[j] = of(activation, marginals[j]);
    }
    return bias;
  }

  private static double of(IActivation activation, double marginal) {
    double p = Math.min(Math.max(marginal, MIN_PROBABILITY), 1 - MIN_PROBABILITY);
    if (activation instanceof ActivationSoftmax) {
      return Math.log(p);
    }
    if (activation instanceof ActivationSigmoid) {
      return Math.log(p / (1 - p));
    }
    if (activation instanceof ActivationIdentity) {
      return marginal;
    }
    throw new IllegalArgumentException("no label prior for output activation " + activation);
  }
}
