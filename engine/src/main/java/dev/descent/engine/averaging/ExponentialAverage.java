package dev.descent.engine.averaging;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exponential moving average θ̂_t = α_t·θ̂_{t−1} + (1 − α_t)·θ_t with the warm-up of TensorFlow's
 * {@code ExponentialMovingAverage(num_updates)}: α_t = min(α, (1 + n)/(10 + n)), n the number of iterates already
 * folded in, so that the first averages follow the weights closely instead of being dominated by the initial ones.
 */
public final class ExponentialAverage extends PolyakAverage {
  private static final double WARMUP_OFFSET = 10;

  private final double decay;

  public ExponentialAverage(String kind, long start, double decay, INDArray parameters) {
    super(kind, start, parameters);
    this.decay = decay;
  }

  @Override
  double weight(long n) {
    return Math.min(decay, (1.0 + n) / (WARMUP_OFFSET + n));
  }
}
