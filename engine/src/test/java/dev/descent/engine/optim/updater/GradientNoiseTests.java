package dev.descent.engine.optim.updater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Annealed gradient noise (Neelakantan et al. 2015): σ_t by hand, determinism per (seed, t), and its variance. */
class GradientNoiseTests {
  private static GradientNoiseConfig noisySgd(long seed) {
    return new GradientNoiseConfig(new SgdConfig(1.0, 0, 0, false), 0.25, 0.5, seed);
  }

  @Test
  void firstThreeStepsAddNoiseOfTheAnnealedDeviation() {
    GradientNoiseConfig config = noisySgd(11);
    assertThat(config.sigma(0)).isEqualTo(0.5);
    assertThat(config.sigma(1)).isCloseTo(Math.sqrt(0.25 / Math.sqrt(2)), within(1e-16));
    assertThat(config.sigma(2)).isCloseTo(Math.sqrt(0.25 / Math.sqrt(3)), within(1e-16));
    UpdaterDriver driver = new UpdaterDriver(config, 3);
    double[] g = {1.0, -2.0, 0.5};
    for (int t = 0; t < 3; t++) {
      double[] noise = GradientNoiseUpdater.noise(config, 0, t, 3);
      double[] update = driver.update(g);
      for (int i = 0; i < 3; i++) {
        assertThat(update[i]).isEqualTo(g[i] + noise[i]);
      }
    }
  }

  @Test
  void noiseIsAPureFunctionOfSeedAndStep() {
    GradientNoiseConfig config = noisySgd(11);
    double[] noise = GradientNoiseUpdater.noise(config, 0, 4, 5);
    assertThat(GradientNoiseUpdater.noise(config, 0, 4, 5)).containsExactly(noise);
    assertThat(GradientNoiseUpdater.noise(config, 0, 4, 5)).isNotEqualTo(GradientNoiseUpdater.noise(config, 0, 5, 5));
    assertThat(GradientNoiseUpdater.noise(noisySgd(12), 0, 4, 5))
        .isNotEqualTo(GradientNoiseUpdater.noise(config, 0, 4, 5));
  }

  @Test
  void noiseHasZeroMeanAndTheScheduledVariance() {
    GradientNoiseConfig config = noisySgd(3);
    for (int t : new int[] {0, 9, 99}) {
      double[] noise = GradientNoiseUpdater.noise(config, 0, t, 200_000);
      double mean = 0;
      double square = 0;
      for (double n : noise) {
        mean += n / noise.length;
        square += n * n / noise.length;
      }
      double variance = 0.25 / Math.pow(1 + t, 0.5);
      assertThat(mean).isCloseTo(0, within(5 * Math.sqrt(variance / noise.length)));
      assertThat(square / variance).isCloseTo(1, within(0.02));
    }
  }
}
