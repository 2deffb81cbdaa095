package dev.descent.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suggestion on a crafted curve: steepest fall against log η, and a tenth of the minimum's rate. */
class LrSuggestionTest {

  @Test
  void findsTheSteepestFallAndTheMinimum() {
    List<Double> lrs = new ArrayList<>();
    List<Double> loss = new ArrayList<>();
    for (int i = 0; i <= 60; i++) {
      double logLr = -6 + i * 0.1; // 1e-6 .. 1
      lrs.add(Math.pow(10, logLr));
      // a logistic drop centred at log10 η = -3, then a rise after -1
      loss.add(2 - 1.5 / (1 + Math.exp(-4 * (logLr + 3))) + (logLr > -1 ? (logLr + 1) * 3 : 0));
    }
    LrSuggestion s = LrSuggestion.of(lrs, loss);
    assertThat(Math.log10(s.steepest())).isBetween(-3.11, -2.89);
    assertThat(Math.log10(s.minimum())).isBetween(-1.11, -0.89);
    assertThat(s.minimumOverTen()).isEqualTo(s.minimum() / 10);
  }

  @Test
  void tooShortACurveSuggestsNothing() {
    assertThat(LrSuggestion.of(List.of(1e-3, 1e-2), List.of(1.0, 0.5)).steepest()).isNaN();
  }

  @Test
  void theTenthNeverFallsBelowTheRange() {
    LrSuggestion s = LrSuggestion.of(List.of(1e-3, 2e-3, 4e-3, 8e-3), List.of(0.5, 0.6, 0.7, 0.8));
    assertThat(s.minimum()).isEqualTo(1e-3);
    assertThat(s.minimumOverTen()).isEqualTo(1e-3);
  }
}
