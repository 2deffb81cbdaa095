package dev.descent.engine.optim.updater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Adam on DL4J's native kernel equals PyTorch's formula written out in plain float64, and lr = 0 moves nothing. */
class AdamKernelTests {
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void nativeKernelComputesPyTorchsAdam(boolean amsgrad) {
    double lr = 0.01;
    double beta1 = 0.8;
    double beta2 = 0.99;
    double eps = 1e-3;
    UpdaterDriver driver = new UpdaterDriver(new AdamConfig(lr, beta1, beta2, eps, amsgrad), 1);
    Random random = new Random(9);
    double m = 0;
    double v = 0;
    double vMax = 0;
    for (int t = 1; t <= 60; t++) {
      double g = random.nextGaussian() * (t % 7 == 0 ? 5 : 0.1);
      m = beta1 * m + (1 - beta1) * g;
      v = beta2 * v + (1 - beta2) * g * g;
      vMax = Math.max(vMax, v);
      double second = amsgrad ? vMax : v;
      double expected = lr / (1 - Math.pow(beta1, t)) * m
          / (Math.sqrt(second) / Math.sqrt(1 - Math.pow(beta2, t)) + eps);
      assertThat(driver.update(g)[0]).as("t=%d", t).isCloseTo(expected, within(1e-15 + 1e-13 * Math.abs(expected)));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void zeroLearningRateMakesZeroUpdates(boolean amsgrad) {
    UpdaterDriver driver = new UpdaterDriver(new AdamConfig(0.0, 0.9, 0.999, 1e-8, amsgrad), 2);
    assertThat(driver.update(1.0, -2.0)).containsExactly(0.0, 0.0);
    assertThat(driver.update(3.0, 0.5)).containsExactly(0.0, 0.0);
  }
}
