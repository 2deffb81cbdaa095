package dev.descent.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FlushToZeroTests {
  private static final float SUBNORMAL = 1e-39f;

  /** Halving a subnormal float in a native ND4J op: stays subnormal normally, reads and becomes 0 with FTZ/DAZ. */
  private static float nativeHalf(float value) {
    INDArray a = Nd4j.createFromArray(value, value, value, value);
    return a.muli(0.5f).getFloat(0);
  }

  @Test
  void nativeOpsFlushSubnormalsWhileEnabledAndNotAfter() {
    assertThat(FlushToZero.isEnabled()).isFalse();
    assertThat(nativeHalf(SUBNORMAL)).isEqualTo(SUBNORMAL / 2);
    try (FlushToZero ftz = FlushToZero.enable()) {
      assertThat(FlushToZero.isEnabled()).isTrue();
      assertThat(nativeHalf(SUBNORMAL)).isZero();
      assertThat(nativeHalf(Float.MIN_NORMAL * 4)).isEqualTo(Float.MIN_NORMAL * 2);
    }
    assertThat(FlushToZero.isEnabled()).isFalse();
    assertThat(nativeHalf(SUBNORMAL)).isEqualTo(SUBNORMAL / 2);
  }

  @Test
  void nestedScopesRestoreWhatTheyFound() {
    try (FlushToZero outer = FlushToZero.enable()) {
      try (FlushToZero inner = FlushToZero.enable()) {
        assertThat(FlushToZero.isEnabled()).isTrue();
      }
      assertThat(FlushToZero.isEnabled()).isTrue();
    }
    assertThat(FlushToZero.isEnabled()).isFalse();
  }

  @Test
  void theSettingIsPerThread() throws InterruptedException {
    boolean[] seen = new boolean[1];
    try (FlushToZero ftz = FlushToZero.enable()) {
      Thread other = new Thread(() -> seen[0] = FlushToZero.isEnabled());
      other.start();
      other.join();
    }
    assertThat(seen[0]).isFalse();
  }
}
