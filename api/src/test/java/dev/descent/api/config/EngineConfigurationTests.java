package dev.descent.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.data.files.DataFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The service sets the native (OpenMP and BLAS) thread count per training job itself, from
 * {@code descent.workers.native-threads} (default 1: measured 2–3× faster than ND4J's default here), so that
 * {@code java -jar} needs no environment variable. Checked in a child JVM: the service sets the count once, at start,
 * and libnd4j's thread pool can hang a later training when the count changes under a JVM that trains (seen when this
 * test ran in the shared test JVM before the API tests).
 */
class EngineConfigurationTests {
  @Test
  void theEngineBeanAppliesTheConfiguredNativeThreadCount() throws IOException, InterruptedException {
    assertThat(probe(2)).isEqualTo("threads 2 2");
    assertThat(probe(1)).isEqualTo("threads 1 1");
  }

  /** Runs {@link Probe} in a fresh JVM and returns its report line. */
  private static String probe(int threads) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Probe.class.getName(), Integer.toString(threads)))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().filter(l -> l.startsWith("threads ")).findFirst().orElse(output);
  }

  /** The child: builds the engine bean with {@code args[0]} native threads and prints what ND4J reports. */
  static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      new EngineConfiguration().trainingEngine(properties(Integer.parseInt(args[0])), DataFolder.fromEnvironment());
      System.out.println("threads " + NativeThreads.configured() + " " + NativeThreads.blasThreads());
    }
  }

  static DescentProperties properties(int nativeThreads) {
    return new DescentProperties(
        Set.of(DescentProperties.Role.API, DescentProperties.Role.WORKER),
        new DescentProperties.Worker(0, ""),
        new DescentProperties.Db(true, Path.of("unused"), 0, Duration.ofMinutes(5)),
        new DescentProperties.Workers(true, 0, Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(15), Duration.ofSeconds(5), nativeThreads, Duration.ofMinutes(5),
            Duration.ofSeconds(20)),
        new DescentProperties.Limits(10, 10, 10, 10, 10),
        new DescentProperties.Datasets(Path.of("unused"), DataSize.ofGigabytes(1)));
  }
}
