package dev.descent.engine.optim.updater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Delta-bar-delta (Jacobs 1988): a hand-computed fixture and the additive-growth / geometric-decay property. */
class DeltaBarDeltaTests {
  @Test
  void firstThreeStepsByHand() {
    UpdaterDriver driver = new UpdaterDriver(new DeltaBarDeltaConfig(0.1, 0.01, 0.5, 0.5), 2);
    // step 1: δ̄₀ = 0, rates stay 0.1; δ̄₁ = 0.5 g₁ = (0.5, −1)
    assertThat(driver.update(1, -2)).containsExactly(new double[] {0.1, -0.2}, within(1e-15));
    // step 2: δ̄₁g₂ = (1, 2) > 0, rates 0.11; δ̄₂ = 0.5 g₂ + 0.5 δ̄₁ = (1.25, −1.5)
    assertThat(driver.update(2, -1)).containsExactly(new double[] {0.22, -0.11}, within(1e-15));
    // step 3: δ̄₂g₃ = (−1.25, 0) → rate₀ = 0.11 · 0.5, rate₁ unchanged
    assertThat(driver.update(-1, 0)).containsExactly(new double[] {-0.055, 0.0}, within(1e-15));
  }

  @Test
  void ratesGrowAdditivelyWhileTheSignHoldsAndShrinkGeometricallyWhenItFlips() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      double lr = 0.01 + random.nextDouble();
      double kappa = random.nextDouble() * 0.1;
      double phi = random.nextDouble() * 0.9;
      UpdaterDriver same = new UpdaterDriver(new DeltaBarDeltaConfig(lr, kappa, phi, 0.3), 1);
      UpdaterDriver flipping = new UpdaterDriver(new DeltaBarDeltaConfig(lr, kappa, phi, 0.0), 1);
      for (int n = 1; n <= 10; n++) {
        double g = 0.1 + random.nextDouble();
        assertThat(same.update(g)[0] / g).isCloseTo(lr + (n - 1) * kappa, within(1e-12));
        double sign = n % 2 == 0 ? -1 : 1;
        assertThat(flipping.update(sign * g)[0] / (sign * g))
            .isCloseTo(lr * Math.pow(1 - phi, n - 1), within(1e-12));
      }
    }
  }
}
