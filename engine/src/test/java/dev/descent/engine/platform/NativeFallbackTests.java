package dev.descent.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.NativeThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The choice as a fresh JVM makes it from its settings, in child processes (the native build cannot change once
 * loaded): the generic fallback build trains, and a named OpenBLAS kernel is the one OpenBLAS runs (the same
 * {@code setenv} path that gives recent Intel CPUs SkylakeX/Cooperlake instead of Prescott).
 */
class NativeFallbackTests {
  @Test
  void theGenericBuildTrainsWithTheKernelNamed() throws Exception {
    String line = probe("-Ddescent.native.build=generic", "-Ddescent.openblas.core=Haswell");
    assertThat(line).contains("nd4j_build=generic", "openblas_core=Haswell", "status=SUCCEEDED");
  }

  @Test
  void byDefaultTheBestBuildForThisCpuLoads() throws Exception {
    NativeBuild best = NativeBuilds.choose(CpuInfo.current(),
        b -> NativeBuilds.onClassPath(b, NativeBuilds.platform()));
    assertThat(probe()).contains("nd4j_build=" + best.label(), "status=SUCCEEDED");
  }

  /**
   * {@code java -jar} with nothing in the environment: OpenBLAS starts with a thread per core and is then set to one
   * per job. Reading the kernel name once opened ND4J's OpenBLAS with {@code RTLD_GLOBAL}; the first job then ended
   * the JVM ("Bad memory unallocation", "too many memory regions").
   */
  @Test
  void withoutThreadVariablesTheServiceOrderTrains() throws Exception {
    String line = probe(List.of(NativeThreads.OMP_ENV, "OPENBLAS_NUM_THREADS"), "as-service");
    assertThat(line).contains("status=SUCCEEDED,SUCCEEDED").doesNotContain("memory");
  }

  private static String probe(String... properties) throws IOException, InterruptedException {
    return probe(List.of(), null, properties);
  }

  private static String probe(List<String> unset, String argument, String... properties)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(properties));
    command.add(PlatformProbe.class.getName());
    if (argument != null) {
      command.add(argument);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove(BlasKernels.ENV);
    unset.forEach(builder.environment()::remove);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().filter(l -> l.startsWith("PROBE ")).findFirst().orElse(output);
  }
}
