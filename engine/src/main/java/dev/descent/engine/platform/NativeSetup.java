package dev.descent.engine.platform;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the native platform once per process, before ND4J loads: picks the libnd4j build for this CPU
 * ({@link NativeBuilds}) and the OpenBLAS kernel ({@link BlasKernels}), and turns off JavaCPP's polling of the
 * process's resident memory ({@link #noPhysicalMemoryPolling}). Entry points call {@link #ensure()} first
 * (the service's main class and engine configuration, the engine's benchmarks, a JUnit launcher listener for the
 * tests); later calls return the same choice. If ND4J was loaded before the first call, the choice comes too late
 * for that process, which {@link NativePlatform#describeLoaded()} then shows.
 */
public final class NativeSetup {
  private static final Logger log = LoggerFactory.getLogger(NativeSetup.class);
  static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
  private static NativePlatform chosen;

  private NativeSetup() {}

  /** Applies the choice (first call) and returns it. */
  public static synchronized NativePlatform ensure() {
    if (chosen == null) {
      chosen = apply(CpuInfo.current());
      log.info("Native platform: CPU {}; libnd4j build {}; OpenBLAS core type {}", chosen.cpu().describe(),
          chosen.build().label(), chosen.coreTypeSource());
    }
    return chosen;
  }

  private static NativePlatform apply(CpuInfo cpu) {
    noPhysicalMemoryPolling();
    String platform = NativeBuilds.platform();
    String userExtension = System.getProperty(NativeBuilds.JAVACPP_EXTENSION);
    NativeBuild build = userExtension != null
        ? buildOf(userExtension)
        : NativeBuilds.select(cpu, setting(NativeBuilds.PROPERTY, NativeBuilds.ENV),
            b -> NativeBuilds.onClassPath(b, platform));
    if (userExtension == null) {
      System.setProperty(NativeBuilds.JAVACPP_EXTENSION, build.extension());
    }
    String inEnvironment = System.getenv(BlasKernels.ENV);
    Optional<String> coreType = inEnvironment != null ? Optional.empty()
        : Optional.ofNullable(setting(BlasKernels.PROPERTY, BlasKernels.SETTING_ENV)).or(() -> BlasKernels.choose(cpu));
    if (coreType.isPresent() && Libc.supported()) {
      Libc.setenv(BlasKernels.ENV, coreType.get());
    }
    String source = inEnvironment != null ? inEnvironment + " (from the environment)"
        : coreType.map(c -> c + " (set before OpenBLAS loaded)").orElse("OpenBLAS's own detection");
    return new NativePlatform(cpu, build, source);
  }

  /**
   * JavaCPP, by default, reads {@code /proc/self/statm} on every native allocation to compare the process's resident
   * memory with {@code maxPhysicalBytes}: ND4J allocates shape buffers for every op, and on a small network that read
   * was a fifth of a training step. Off unless the user set it; JavaCPP's own byte count ({@code maxBytes}) still
   * bounds native memory.
   */
  private static void noPhysicalMemoryPolling() {
    if (System.getProperty(MAX_PHYSICAL_BYTES) == null
        && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(java.util.Locale.ROOT)) == null) {
      System.setProperty(MAX_PHYSICAL_BYTES, "0");
    }
  }

  /** A setting from a system property, else from an environment variable; null if neither is set. */
  private static String setting(String property, String env) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(env);
  }

  private static NativeBuild buildOf(String extension) {
    for (NativeBuild build : NativeBuild.values()) {
      if (build.extension().equals(extension)) {
        return build;
      }
    }
    return NativeBuild.GENERIC;
  }
}
