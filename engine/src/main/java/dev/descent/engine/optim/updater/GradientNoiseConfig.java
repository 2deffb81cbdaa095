package dev.descent.engine.optim.updater;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Annealed Gaussian gradient noise around any updater (Neelakantan et al. 2015, "Adding Gradient Noise Improves
 * Learning for Very Deep Networks", eq. 1): before the wrapped updater sees it, {@code g_t ← g_t + N(0, σ_t²)} with
 * {@code σ_t² = η / (1 + t)^γ}, {@code t} the 0-based iteration. The noise of iteration {@code t} is a pure function of
 * {@code (seed, t, block)}, so a run resumed from a checkpoint draws exactly the noise it would have drawn.
 */
public class GradientNoiseConfig implements IUpdater {
  public static final double DEFAULT_GAMMA = 0.55;
  public static final long DEFAULT_SEED = 42L;

  private IUpdater inner;
  private double eta;
  private double gamma = DEFAULT_GAMMA;
  private long seed = DEFAULT_SEED;

  public GradientNoiseConfig() {}

  public GradientNoiseConfig(IUpdater inner, double eta, double gamma, long seed) {
    this.inner = inner;
    this.eta = eta;
    this.gamma = gamma;
    this.seed = seed;
  }

  /** {@code σ_t}, the noise standard deviation at 0-based iteration {@code t}. */
  public double sigma(int t) {
    return Math.sqrt(eta / Math.pow(1.0 + t, gamma));
  }

  @Override
  public long stateSize(long numParams) {
    return inner.stateSize(numParams);
  }

  @Override
  public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
    long block = viewArray == null ? 0 : viewArray.offset();
    return new GradientNoiseUpdater(this, inner.instantiate(viewArray, initializeViewArray), block);
  }

  @Override
  public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
    return new GradientNoiseUpdater(this, inner.instantiate(updaterState, initializeStateArrays), 0);
  }

  @Override
  public GradientNoiseConfig clone() {
    return new GradientNoiseConfig(inner.clone(), eta, gamma, seed);
  }

  @Override
  public double getLearningRate(int iteration, int epoch) {
    return inner.getLearningRate(iteration, epoch);
  }

  @Override
  public boolean hasLearningRate() {
    return inner.hasLearningRate();
  }

  @Override
  public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
    inner.setLrAndSchedule(lr, lrSchedule);
  }

  public IUpdater getInner() {
    return inner;
  }

  public void setInner(IUpdater inner) {
    this.inner = inner;
  }

  public double getEta() {
    return eta;
  }

  public void setEta(double eta) {
    this.eta = eta;
  }

  public double getGamma() {
    return gamma;
  }

  public void setGamma(double gamma) {
    this.gamma = gamma;
  }

  public long getSeed() {
    return seed;
  }

  public void setSeed(long seed) {
    this.seed = seed;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GradientNoiseConfig o && o.inner.equals(inner) && o.eta == eta && o.gamma == gamma
        && o.seed == seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(inner, eta, gamma, seed);
  }

  @Override
  public String toString() {
    return "GradientNoise[" + inner + ", eta=" + eta + ", gamma=" + gamma + ", seed=" + seed + "]";
  }
}
