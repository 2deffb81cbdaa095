package dev.descent.engine.fullbatch.core;

import java.util.List;

/**
 * A smooth function of a flat float64 vector, the thing a full-batch optimizer minimizes. Optimizers only call
 * {@link #evaluate(double[])}, and every call counts as one function evaluation (PyTorch's closure call).
 */
public interface Objective {

  /** f(x). */
  double value(double[] x);

  /** ∇f(x), a fresh array the caller may keep. */
  double[] gradient(double[] x);

  /** f(x) and ∇f(x) together; implementations that get both from one pass override this. */
  default Evaluation evaluate(double[] x) {
    return new Evaluation(value(x), gradient(x));
  }

  /**
   * The parameter groups block coordinate descent visits when its spec names none: by default one block per
   * coordinate.
   */
  default List<Block> blocks(int dimension) {
    return Block.singletons(dimension);
  }
}
