package dev.descent.engine.fullbatch.core;

/** Why an outer step ended, in the order PyTorch's {@code LBFGS.step} tests them. */
public enum StopReason {
  /** max |g| ≤ {@code tolerance_grad}. */
  GRADIENT_TOLERANCE,
  /** The directional derivative gᵀd &gt; −{@code tolerance_change}: the direction no longer descends. */
  DIRECTIONAL_DERIVATIVE,
  /** {@code max_iter} iterations done. */
  MAX_ITERATIONS,
  /** {@code max_eval} function evaluations spent. */
  MAX_EVALUATIONS,
  /** max |t·d| ≤ {@code tolerance_change}: the parameters stopped moving. */
  STEP_TOLERANCE,
  /** |f_k − f_{k−1}| &lt; {@code tolerance_change}: the loss stopped changing. */
  FUNCTION_CHANGE_TOLERANCE
}
