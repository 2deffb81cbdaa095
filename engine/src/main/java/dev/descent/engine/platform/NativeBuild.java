package dev.descent.engine.platform;

import java.util.List;

/**
 * The libnd4j builds ND4J publishes for x86-64 Linux, in the order they are preferred when the CPU and the classpath
 * allow: oneDNN (for convolution, pooling and batch norm) before plain, AVX-512 before AVX2 before the generic
 * (SSE) build. ND4J refuses to start a build whose instruction set the CPU lacks, so {@link #requires} is checked.
 */
public enum NativeBuild {
  ONEDNN_AVX512("-onednn-avx512", CpuInfo.AVX512),
  AVX512("-avx512", CpuInfo.AVX512),
  ONEDNN_AVX2("-onednn-avx2", CpuInfo.AVX2),
  AVX2("-avx2", CpuInfo.AVX2),
  ONEDNN("-onednn", List.of()),
  GENERIC("", List.of());

  private final String extension;
  private final List<String> requires;

  NativeBuild(String extension, List<String> requires) {
    this.extension = extension;
    this.requires = requires;
  }

  /** JavaCPP's platform extension: {@code -avx512}, or empty for the generic build. */
  public String extension() {
    return extension;
  }

  /** The CPU flags the build's code needs. */
  public List<String> requires() {
    return requires;
  }

  /** The name used by {@code descent.native.build}: {@code onednn-avx512}, …, {@code generic}. */
  public String label() {
    return extension.isEmpty() ? "generic" : extension.substring(1);
  }

  /** The JNI library of this build for {@code platform} (e.g. {@code linux-x86_64}), as a class-path resource. */
  String resource(String platform) {
    return "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + extension + "/libjnind4jcpu.so";
  }

  /** The build named {@code label} ({@code avx2}, {@code generic}, …), or an exception listing the names. */
  public static NativeBuild byLabel(String label) {
    for (NativeBuild build : values()) {
      if (build.label().equalsIgnoreCase(label.trim())) {
        return build;
      }
    }
    throw new IllegalArgumentException("unknown native build '" + label + "'; known: onednn-avx512, avx512, "
        + "onednn-avx2, avx2, onednn, generic");
  }
}
