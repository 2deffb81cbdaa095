package dev.descent.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SmokeTest {
  @Test
  void nd4jLoads() {
    assertThat(Nd4j.ones(2, 2).sumNumber().doubleValue()).isEqualTo(4.0);
  }
}
