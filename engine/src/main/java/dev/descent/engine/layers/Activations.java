package dev.descent.engine.layers;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's activation {@code y = act(z)} and its derivative, on the fewest passes for the common cases. Plain ReLU
 * (no cap, threshold or slope) writes {@code max(z, 0)} straight into the output and back-propagates as
 * {@code ε ⊙ step(z)} in place (two vectorized passes, no allocation; DL4J's {@code relu_bp} runs a per-element
 * lambda and allocates its result); identity is free; other activations use DL4J's own code.
 */
public final class Activations {
  private Activations() {}

  /** Whether {@code activation} is the identity. */
  public static boolean isIdentity(IActivation activation) {
    return activation instanceof ActivationIdentity;
  }

  /** {@code out = act(z)}; {@code z} is not modified, {@code out} may be overwritten. Returns {@code out}. */
  public static INDArray forward(IActivation activation, INDArray z, INDArray out, boolean training) {
    if (isPlainRelu(activation)) {
      Nd4j.exec(new RectifiedLinear(z, out, 0.0));
      return out;
    }
    if (out != z) {
      out.assign(z);
    }
    return isIdentity(activation) ? out : activation.getActivation(out, training);
  }

  /** {@code ∂L/∂z} from {@code ε = ∂L/∂y}, which is not modified; {@code z} may be overwritten with the result. */
  public static INDArray backwardInPlace(IActivation activation, INDArray z, INDArray epsilon) {
    if (isIdentity(activation)) {
      return epsilon;
    }
    if (isPlainRelu(activation)) {
      Nd4j.exec(new Step(z, z, 0.0));
      return z.muli(epsilon);
    }
    return activation.backprop(z, epsilon).getFirst();
  }

  private static boolean isPlainRelu(IActivation activation) {
    return activation instanceof ActivationReLU relu && relu.getMax() == null && relu.getThreshold() == null
        && relu.getNegativeSlope() == null;
  }
}
