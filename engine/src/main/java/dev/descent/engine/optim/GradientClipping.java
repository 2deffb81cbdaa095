package dev.descent.engine.optim;

import dev.descent.engine.kernel.HeapChunks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Gradient clipping across ALL parameters (DL4J's own clipping is per layer), with PyTorch's semantics:
 * {@code clip_grad_norm_} (Pascanu, Mikolov, Bengio 2013, "On the difficulty of training recurrent neural
 * networks", Algorithm 1) scales the whole gradient by {@code c = maxNorm / (‖g‖₂ + 1e-6)} when {@code c < 1};
 * {@code clip_grad_value_} clamps every element to {@code [−maxValue, maxValue]}.
 *
 * <p>Call {@link #apply} from a {@code TrainingListener.onBackwardPass} on the network's flattened gradient. DL4J
 * 1.0.0-M2.1 divides that gradient by the minibatch size only later (in {@code BaseMultiLayerUpdater.update}), so at
 * that point it is batch-SUMMED: pass the batch size, and the thresholds apply to the mean gradient {@code g/B}.
 *
 * @param maxNorm the largest allowed global L2 norm of the mean gradient ({@link #OFF} for none)
 * @param maxValue the largest allowed absolute element of the mean gradient ({@link #OFF} for none)
 */
public record GradientClipping(double maxNorm, double maxValue) {
  /** The threshold meaning "no clipping". */
  public static final double OFF = Double.POSITIVE_INFINITY;
  /** PyTorch's guard against division by a zero norm in {@code clip_grad_norm_}. */
  public static final double NORM_EPS = 1e-6;
  public static final GradientClipping NONE = new GradientClipping(OFF, OFF);

  /** Clips {@code gradient} in place; {@code batchSize} is 1 for a mean gradient, B for a batch-summed one. */
  public void apply(INDArray gradient, int batchSize) {
    if (maxNorm != OFF) {
      clipByGlobalNorm(gradient, maxNorm, batchSize);
    }
    if (maxValue != OFF) {
      clipByValue(gradient, maxValue, batchSize);
    }
  }

  /** Scales {@code gradient} in place so that the L2 norm of {@code gradient / batchSize} is at most about max. */
  public static void clipByGlobalNorm(INDArray gradient, double max, int batchSize) {
    double norm = HeapChunks.norm2(gradient) / batchSize;
    double coefficient = max / (norm + NORM_EPS);
    if (coefficient < 1) {
      gradient.muli(coefficient);
    }
  }

  /** Clamps every element of {@code gradient / batchSize} to {@code [−max, max]}, in place. */
  public static void clipByValue(INDArray gradient, double max, int batchSize) {
    double bound = max * batchSize;
    Transforms.min(Transforms.max(gradient, -bound, false), bound, false);
  }
}
