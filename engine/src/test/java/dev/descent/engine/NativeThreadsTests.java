package dev.descent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NativeThreadsTests {
  @AfterEach
  void restoreOneThread() {
    NativeThreads.configure(1);
  }

  @Test
  void configureIsReadBackFromOpenMpAndBlas() {
    NativeThreads.configure(2);
    assertThat(NativeThreads.configured()).isEqualTo(2);
    assertThat(NativeThreads.blasThreads()).isEqualTo(2);
    NativeThreads.configure(1);
    assertThat(NativeThreads.configured()).isEqualTo(1);
    assertThat(NativeThreads.blasThreads()).isEqualTo(1);
  }

  @Test
  void defaultFollowsOmpNumThreadsOrIsOne() {
    // The root pom runs the tests with OMP_NUM_THREADS=1 (surefire's environmentVariables).
    assertThat(System.getenv(NativeThreads.OMP_ENV)).as("OMP_NUM_THREADS as the build sets it").isEqualTo("1");
    int expected = 1;
    NativeThreads.configure(2);
    assertThat(NativeThreads.configureDefault()).isEqualTo(expected);
    assertThat(NativeThreads.configured()).isEqualTo(expected);
  }

  @Test
  void ompNumThreadsIsTakenWhenItIsAPositiveNumberAndOneOtherwise() {
    assertThat(NativeThreads.threadsFor("4")).isEqualTo(4);
    assertThat(NativeThreads.threadsFor("1")).isEqualTo(1);
    assertThat(NativeThreads.threadsFor(null)).isEqualTo(1);
    assertThat(NativeThreads.threadsFor("0")).isEqualTo(1);
    assertThat(NativeThreads.threadsFor("-2")).isEqualTo(1);
    assertThat(NativeThreads.threadsFor("four")).isEqualTo(1);
    assertThat(NativeThreads.threadsFor("")).isEqualTo(1);
  }

  @Test
  void refusesFewerThanOneThread() {
    assertThatThrownBy(() -> NativeThreads.configure(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
