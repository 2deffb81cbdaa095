package dev.descent.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.NativeThreads;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The service sets the native (OpenMP and BLAS) thread count per training job itself, from
 * {@code descent.workers.native-threads} (default 1: measured 2–3× faster than ND4J's default here), so that
 * {@code java -jar} needs no environment variable.
 */
class EngineConfigurationTests {
  @AfterEach
  void backToOne() {
    NativeThreads.configure(1);
  }

  @Test
  void theEngineBeanAppliesTheConfiguredNativeThreadCount() {
    new EngineConfiguration().trainingEngine(properties(2));
    assertThat(NativeThreads.configured()).isEqualTo(2);
    assertThat(NativeThreads.blasThreads()).isEqualTo(2);

    new EngineConfiguration().trainingEngine(properties(1));
    assertThat(NativeThreads.configured()).isEqualTo(1);
    assertThat(NativeThreads.blasThreads()).isEqualTo(1);
  }

  private static DescentProperties properties(int nativeThreads) {
    return new DescentProperties(
        new DescentProperties.Db(true, Path.of("unused"), 0, Duration.ofMinutes(5)),
        new DescentProperties.Workers(true, 0, Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(15), Duration.ofSeconds(5), nativeThreads, Duration.ofMinutes(5),
            Duration.ofSeconds(20)),
        new DescentProperties.Limits(10, 10, 10, 10, 10),
        new DescentProperties.Datasets(Path.of("unused"), DataSize.ofGigabytes(1)));
  }
}
