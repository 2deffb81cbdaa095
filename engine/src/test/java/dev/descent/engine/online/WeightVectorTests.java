package dev.descent.engine.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class WeightVectorTests {

  @Test
  void updateNonzerosVisitsExactlyTheNonzeroCoordinatesOnce() {
    SplittableRandom random = new SplittableRandom(5);
    WeightVector w = new WeightVector(50);
    double[] mirror = new double[50];
    for (int round = 0; round < 200; round++) {
      for (int n = 0; n < 10; n++) {
        int i = random.nextInt(50);
        double value = random.nextInt(3) == 0 ? 0.0 : random.nextGaussian();
        w.set(i, value);
        mirror[i] = value;
      }
      List<Integer> visited = new ArrayList<>();
      w.updateNonzeros((i, v) -> {
        visited.add(i);
        return Math.abs(v) < 0.5 ? 0.0 : v;
      });
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        if (mirror[i] != 0.0) {
          expected.add(i);
        }
        mirror[i] = Math.abs(mirror[i]) < 0.5 ? 0.0 : mirror[i];
      }
      assertThat(visited).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(w.values()).containsExactly(mirror);
      assertThat(w.nonzeros()).isEqualTo((int) Arrays.stream(mirror).filter(v -> v != 0).count());
    }
  }

  @Test
  void softThresholdShrinksTowardZeroAndStopsThere() {
    assertThat(WeightVector.softThreshold(0.5, 0.2)).isEqualTo(0.3, Offset.offset(1e-15));
    assertThat(WeightVector.softThreshold(-0.5, 0.2)).isEqualTo(-0.3, Offset.offset(1e-15));
    assertThat(WeightVector.softThreshold(0.1, 0.2)).isEqualTo(0.0);
  }
}
