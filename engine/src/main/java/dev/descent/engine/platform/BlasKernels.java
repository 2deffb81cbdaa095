package dev.descent.engine.platform;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The OpenBLAS kernel for this CPU. ND4J bundles OpenBLAS 0.3.19, which does not know recent Intel CPUs (Sapphire
 * and Emerald Rapids, family 6 model 143/207) and falls back to its Prescott (SSE3) kernels: SGEMM at 18 instead of
 * 127–133 GFLOP/s. OpenBLAS reads {@code OPENBLAS_CORETYPE} once, when it loads, so the choice is put into the
 * process environment before ND4J loads. CPUs with AVX-512 get its AVX-512 kernels, SkylakeX: on an AMD EPYC Zen 4
 * they beat the AVX2 "Zen" kernels OpenBLAS picks itself (docs/bench-perf.md). Never Cooperlake: in 0.3.19 its
 * kernels compute wrong double-precision products on a Zen 4 (the LSUV tests fail with it; {@code GemmTests} checks
 * the kernel in use against a plain loop). Intel CPUs with AVX2 get Haswell; others are left to OpenBLAS's detection,
 * and a value already in the environment is kept. {@code descent.openblas.core} (or {@code DESCENT_OPENBLAS_CORE})
 * names one instead.
 */
final class BlasKernels {
  static final String ENV = "OPENBLAS_CORETYPE";
  /** Names the core type instead of the choice below (system property, or {@link #SETTING_ENV}). */
  static final String PROPERTY = "descent.openblas.core";
  static final String SETTING_ENV = "DESCENT_OPENBLAS_CORE";
  private static final int RTLD_LAZY = 0x1;
  private static final int RTLD_NOLOAD = 0x4;
  /** Libraries opened to read the kernel name, kept so that JNA never {@code dlclose}s ND4J's OpenBLAS. */
  private static final List<NativeLibrary> OPENED = new CopyOnWriteArrayList<>();

  private BlasKernels() {}

  /** The core type to set for {@code cpu}, or empty to leave OpenBLAS's detection alone. */
  static Optional<String> choose(CpuInfo cpu) {
    if (cpu.hasAll(CpuInfo.AVX512)) {
      return Optional.of("SkylakeX");
    }
    if (cpu.isIntel() && cpu.hasAll(CpuInfo.AVX2)) {
      return Optional.of("Haswell");
    }
    return Optional.empty();
  }

  /** The kernel OpenBLAS runs, from the loaded library ({@code openblas_get_corename}), once ND4J has loaded. */
  static String loadedCore() {
    if (!Libc.supported()) {
      return "unknown";
    }
    try {
      return LoadedLibraries.find("/libopenblas").map(BlasKernels::coreName).orElse("not loaded");
    } catch (RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /**
   * Asks the already loaded library, opened again with {@code RTLD_LAZY | RTLD_NOLOAD} (local symbols, never a second
   * copy) and never closed: JNA's default {@code RTLD_GLOBAL} open of ND4J's OpenBLAS made its symbols global, after
   * which multi-threaded OpenBLAS freed buffers into the wrong table and ended the process.
   */
  private static String coreName(String library) {
    var options = Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NOLOAD);
    var opened = NativeLibrary.getInstance(library, options);
    OPENED.add(opened);
    return opened.getFunction("openblas_get_corename").invokeString(new Object[0], false);
  }
}
