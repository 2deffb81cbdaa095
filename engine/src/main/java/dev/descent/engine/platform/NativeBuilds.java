package dev.descent.engine.platform;

import java.util.function.Predicate;

/**
 * Chooses the libnd4j build for this process: the first {@link NativeBuild} whose instruction set the CPU has and
 * whose library is on the class path, unless {@code descent.native.build} (system property, or the environment
 * variable {@code DESCENT_NATIVE_BUILD}) names one. The choice reaches JavaCPP as
 * {@code org.bytedeco.javacpp.platform.extension}, which must be set before ND4J loads; a value the user already set
 * there wins. JavaCPP reads its properties once, when its {@code Loader} class initialises, so nothing here touches
 * JavaCPP before the property is set.
 */
final class NativeBuilds {
  static final String PROPERTY = "descent.native.build";
  static final String ENV = "DESCENT_NATIVE_BUILD";
  static final String JAVACPP_EXTENSION = "org.bytedeco.javacpp.platform.extension";

  private NativeBuilds() {}

  /** The best build for {@code cpu} among those {@code available} reports present. */
  static NativeBuild choose(CpuInfo cpu, Predicate<NativeBuild> available) {
    for (NativeBuild build : NativeBuild.values()) {
      if (cpu.hasAll(build.requires()) && available.test(build)) {
        return build;
      }
    }
    return NativeBuild.GENERIC;
  }

  /**
   * The build named by the configuration, checked against the CPU (a build the CPU cannot run would end the JVM when
   * ND4J loads) and the class path; else the best one.
   */
  static NativeBuild select(CpuInfo cpu, String configured, Predicate<NativeBuild> available) {
    if (configured == null || configured.isBlank() || configured.equalsIgnoreCase("auto")) {
      return choose(cpu, available);
    }
    NativeBuild build = NativeBuild.byLabel(configured);
    if (!cpu.hasAll(build.requires())) {
      throw new IllegalStateException("native build " + build.label() + " needs " + build.requires()
          + ", which this CPU lacks: " + cpu.describe());
    }
    if (!available.test(build)) {
      throw new IllegalStateException("native build " + build.label() + " is not on the class path");
    }
    return build;
  }

  /** JavaCPP's name for this platform ({@code linux-x86_64}), computed as JavaCPP does but without loading it. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    String name = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx" : os.split(" ")[0];
    return name + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch);
  }

  /** Whether the build's JNI library is a resource of this class loader. */
  static boolean onClassPath(NativeBuild build, String platform) {
    return NativeBuilds.class.getClassLoader().getResource(build.resource(platform)) != null;
  }
}
