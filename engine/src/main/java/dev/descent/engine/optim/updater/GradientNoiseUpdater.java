package dev.descent.engine.optim.updater;

import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The update rule of {@link GradientNoiseConfig}: adds the noise, then delegates. The wrapped updater owns the state.
 * The generator of iteration {@code t} is seeded from {@code (seed, t, block)}, {@code block} being the offset of this
 * updater block's state in the network's state array (0 where the block keeps no state).
 */
final class GradientNoiseUpdater implements GradientUpdater<GradientNoiseConfig> {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final GradientNoiseConfig config;
  private final GradientUpdater<?> inner;
  private final long block;

  GradientNoiseUpdater(GradientNoiseConfig config, GradientUpdater<?> inner, long block) {
    this.config = config;
    this.inner = inner;
    this.block = block;
  }

  /** The noise added at 0-based iteration {@code t} to a gradient of {@code length} elements, in 'c' order. */
  static double[] noise(GradientNoiseConfig config, long block, int t, long length) {
    SplittableRandom random = new SplittableRandom(config.getSeed() ^ (GOLDEN_GAMMA * (t + 1)) ^ (block << 32));
    double sigma = config.sigma(t);
    double[] noise = new double[Math.toIntExact(length)];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = sigma * random.nextGaussian();
    }
    return noise;
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    double[] noise = noise(config, block, iteration, gradient.length());
    gradient.addi(Nd4j.createFromArray(noise).reshape('c', gradient.shape()).castTo(gradient.dataType()));
    inner.applyUpdater(gradient, iteration, epoch);
  }

  @Override
  public GradientNoiseConfig getConfig() {
    return config;
  }

  @Override
  public Map<String, INDArray> getState() {
    return inner.getState();
  }

  @Override
  public void setState(Map<String, INDArray> stateMap, boolean initialize) {
    inner.setState(stateMap, initialize);
  }

  @Override
  public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
    inner.setStateViewArray(viewArray, gradientShape, gradientOrder, initialize);
  }
}
