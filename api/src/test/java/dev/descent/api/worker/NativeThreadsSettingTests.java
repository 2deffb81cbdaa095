package dev.descent.api.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.engine.NativeThreads;
import org.junit.jupiter.api.Test;

/**
 * The service runs each training job on one native thread (OpenMP and BLAS) without the user setting anything:
 * measured 2–3× faster than ND4J's default here (docs/bench-engine.md); the worker pool is the parallelism.
 */
class NativeThreadsSettingTests extends ApiTestBase {
  @Test
  void theServiceConfiguredOneNativeThreadPerJob() {
    assertThat(NativeThreads.configured()).isEqualTo(1);
    assertThat(NativeThreads.blasThreads()).isEqualTo(1);
  }
}
