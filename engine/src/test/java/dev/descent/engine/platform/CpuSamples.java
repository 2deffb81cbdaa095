package dev.descent.engine.platform;

import java.util.List;

/** {@code /proc/cpuinfo} excerpts of the CPUs this project meets, for the choice tests. */
final class CpuSamples {
  static final String AVX512_FLAGS = "fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c fma avx2 avx512f avx512dq avx512bw "
      + "avx512vl avx512cd";

  private CpuSamples() {}

  static List<String> lines(String vendor, String name, int family, int model, String flags) {
    return List.of("processor\t: 0", "vendor_id\t: " + vendor, "cpu family\t: " + family, "model\t\t: " + model,
        "model name\t: " + name, "flags\t\t: " + flags, "", "processor\t: 1", "flags\t\t: fpu");
  }

  /** The Intel Xeon (Emerald Rapids) OpenBLAS 0.3.19 does not know. */
  static CpuInfo xeon207() {
    return CpuInfo.parse(lines("GenuineIntel", "Intel(R) Xeon(R) Processor", 6, 207,
        AVX512_FLAGS + " avx512_bf16 amx_tile"));
  }

  static CpuInfo epycZen4() {
    return CpuInfo.parse(lines("AuthenticAMD", "AMD EPYC", 25, 17, AVX512_FLAGS + " avx512_bf16"));
  }

  static CpuInfo intelAvx2() {
    return CpuInfo.parse(lines("GenuineIntel", "Intel(R) Core(TM) i7-4770", 6, 60,
        "fpu sse sse2 ssse3 sse4_1 sse4_2 avx f16c fma avx2"));
  }

  static CpuInfo oldSse() {
    return CpuInfo.parse(lines("GenuineIntel", "Intel(R) Core(TM)2 Duo", 6, 15, "fpu sse sse2 ssse3"));
  }
}
