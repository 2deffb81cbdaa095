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
    String env = System.getenv(NativeThreads.OMP_ENV);
    int expected = env == null ? NativeThreads.DEFAULT_THREADS : Integer.parseInt(env);
    NativeThreads.configure(2);
    assertThat(NativeThreads.configureDefault()).isEqualTo(expected);
    assertThat(NativeThreads.configured()).isEqualTo(expected);
  }

  @Test
  void refusesFewerThanOneThread() {
    assertThatThrownBy(() -> NativeThreads.configure(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
