package dev.descent.engine.optim.updater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** RMSProp with Nesterov momentum (Goodfellow et al. Alg. 8.7): hand-computed steps and two properties. */
class RmspropNesterovTests {
  @Test
  void firstThreeStepsByHand() {
    UpdaterDriver driver = new UpdaterDriver(new RmspropNesterovConfig(0.1, 0.5, 0.5, 0.0), 1);
    // r₁ = 0.5, s₁ = 0.1/√0.5, update (1 + μ)s₁ − μ·0
    double s1 = 0.1 / Math.sqrt(0.5);
    assertThat(driver.update(1)[0]).isCloseTo(1.5 * s1, within(1e-15));
    // r₂ = 0.25 + 0.5 = 0.75, s₂ = 0.5 s₁ + 0.1/√0.75
    double s2 = 0.5 * s1 + 0.1 / Math.sqrt(0.75);
    assertThat(driver.update(1)[0]).isCloseTo(1.5 * s2 - 0.5 * s1, within(1e-15));
    // r₃ = 0.375 + 0.5·4 = 2.375, s₃ = 0.5 s₂ + 0.1·2/√2.375
    double s3 = 0.5 * s2 + 0.2 / Math.sqrt(2.375);
    assertThat(driver.update(2)[0]).isCloseTo(1.5 * s3 - 0.5 * s2, within(1e-15));
  }

  @Test
  void withoutMomentumItIsPlainRmsprop() {
    Random random = new Random(3);
    UpdaterDriver nesterov = new UpdaterDriver(new RmspropNesterovConfig(0.01, 0.9, 0.0, 1e-8), 3);
    UpdaterDriver plain = new UpdaterDriver(new RmspropConfig(0.01, 0.9, 1e-8, 0.0, false), 3);
    for (int t = 0; t < 50; t++) {
      double[] g = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      assertThat(nesterov.update(g)).containsExactly(plain.update(g), within(1e-15));
    }
  }

  @Test
  void itTakesHeavyBallRmspropStepsSeenFromTheLookAheadPoint() {
    Random random = new Random(5);
    double mu = 0.9;
    UpdaterDriver nesterov = new UpdaterDriver(new RmspropNesterovConfig(0.01, 0.9, mu, 1e-8), 2);
    UpdaterDriver heavyBall = new UpdaterDriver(new RmspropConfig(0.01, 0.9, 1e-8, mu, false), 2);
    double[] nesterovSum = new double[2];
    double[] heavyBallSum = new double[2];
    for (int t = 0; t < 40; t++) {
      double[] g = {random.nextGaussian(), random.nextGaussian()};
      double[] lookAhead = nesterov.update(g);
      double[] step = heavyBall.update(g);
      for (int i = 0; i < 2; i++) {
        nesterovSum[i] += lookAhead[i];
        heavyBallSum[i] += step[i];
        // φ₀ − φ_t = (θ₀ − θ_t) + μ s_t, where s_t is heavy-ball RMSprop's step
        assertThat(nesterovSum[i]).isCloseTo(heavyBallSum[i] + mu * step[i], within(1e-12));
      }
    }
  }
}
