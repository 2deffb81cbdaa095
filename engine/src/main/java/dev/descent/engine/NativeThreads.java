package dev.descent.engine;

import dev.descent.engine.platform.NativeSetup;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's native parallelism: the OpenMP pool of libnd4j, the BLAS (OpenBLAS) pool and ND4J's environment limits.
 * On small and medium networks one thread per training job is 2–3× faster than ND4J's default on a loaded machine,
 * and the worker pool becomes the unit of parallelism. The settings are process-wide. The native platform (libnd4j
 * build, OpenBLAS kernel) is chosen first ({@link NativeSetup}), since these calls load ND4J.
 */
public final class NativeThreads {
  /** The environment variable that, when set, is left to decide the thread count. */
  public static final String OMP_ENV = "OMP_NUM_THREADS";
  public static final int DEFAULT_THREADS = 1;

  private NativeThreads() {}

  /**
   * Uses one native thread unless the JVM was started with {@code OMP_NUM_THREADS}, in which case that value is
   * applied. Call once at start-up, before training. Returns the count in effect.
   */
  public static int configureDefault() {
    configure(threadsFor(System.getenv(OMP_ENV)));
    return configured();
  }

  /** The thread count for a value of {@code OMP_NUM_THREADS}: a positive number as given, else the default. */
  static int threadsFor(String env) {
    if (env != null && env.matches("\\d+") && Integer.parseInt(env) > 0) {
      return Integer.parseInt(env);
    }
    return DEFAULT_THREADS;
  }

  /** Sets the OpenMP, BLAS and ND4J environment thread limits to {@code threads}. */
  public static void configure(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    NativeOps ops = nativeOps();
    ops.setOmpNumThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
  }

  /** The OpenMP thread count libnd4j will use, as libnd4j reports it. */
  public static int configured() {
    return nativeOps().ompGetMaxThreads();
  }

  /**
   * libnd4j's native ops. {@code NativeOpsHolder} finds its implementation through a property the ND4J backend sets
   * when it loads, so the backend is loaded first.
   */
  private static NativeOps nativeOps() {
    NativeSetup.ensure();
    Nd4j.getBackend();
    return NativeOpsHolder.getInstance().getDeviceNativeOps();
  }

  /** The BLAS thread count, as OpenBLAS reports it. */
  public static int blasThreads() {
    return Nd4j.factory().blas().getMaxThreads();
  }
}
