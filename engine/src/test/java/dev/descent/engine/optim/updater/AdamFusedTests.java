package dev.descent.engine.optim.updater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fused Adam pass against PyTorch's formula written out in float64, and its zero-learning-rate guard. */
class AdamFusedTests {
  private static final double LR = 0.1;
  private static final double BETA1 = 0.8;
  private static final double BETA2 = 0.9;
  private static final double EPS = 0.05;

  @Test
  void threeStepsFollowPytorchsUpdateWithItsEpsPlacement() {
    UpdaterDriver driver = new UpdaterDriver(new AdamConfig(LR, BETA1, BETA2, EPS, false), 2);
    double[][] gradients = {{1.0, -0.5}, {0.25, 2.0}, {-1.5, 0.01}};
    double[] m = new double[2];
    double[] v = new double[2];
    for (int t = 1; t <= gradients.length; t++) {
      double[] update = driver.update(gradients[t - 1]);
      for (int i = 0; i < 2; i++) {
        double g = gradients[t - 1][i];
        m[i] = BETA1 * m[i] + (1 - BETA1) * g;
        v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
        double expected = LR / (1 - Math.pow(BETA1, t)) * m[i]
            / (Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(BETA2, t)) + EPS);
        assertThat(update[i]).as("t=%d i=%d", t, i).isCloseTo(expected, within(1e-12));
      }
    }
  }

  @Test
  void zeroLearningRateGivesAZeroUpdate() {
    UpdaterDriver driver = new UpdaterDriver(new AdamConfig(0, BETA1, BETA2, EPS, false), 2);
    assertThat(driver.update(1.0, -2.0)).containsExactly(0.0, 0.0);
  }
}
