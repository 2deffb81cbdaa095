package dev.descent.engine.platform;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The few C library calls the engine needs and Java does not offer, through JNA (on the class path with DL4J):
 * {@code setenv} (a native library reads its environment when it loads, and {@code System.getenv} is read-only), and
 * {@code fegetenv}/{@code fesetenv} for the SSE control register of the calling thread.
 */
final class Libc {
  /** glibc's {@code fenv_t} on x86-64: the x87 environment (28 bytes), then {@code __mxcsr}. */
  static final int FENV_SIZE = 32;
  static final int MXCSR_OFFSET = 28;

  private Libc() {}

  /** Whether these calls are available: glibc on x86-64 Linux. */
  static boolean supported() {
    return Platform.isLinux() && Platform.isIntel() && Platform.is64Bit();
  }

  static void setenv(String name, String value) {
    int rc = function("setenv").invokeInt(new Object[] {name, value, 1});
    if (rc != 0) {
      throw new IllegalStateException("setenv(" + name + ") failed");
    }
  }

  static String getenv(String name) {
    return function("getenv").invokeString(new Object[] {name}, false);
  }

  /** The calling thread's MXCSR register. */
  static int mxcsr() {
    Memory env = new Memory(FENV_SIZE);
    check(function("fegetenv").invokeInt(new Object[] {env}), "fegetenv");
    return env.getInt(MXCSR_OFFSET);
  }

  /** Sets the calling thread's MXCSR register, leaving the x87 state as it is. */
  static void setMxcsr(int value) {
    Memory env = new Memory(FENV_SIZE);
    check(function("fegetenv").invokeInt(new Object[] {env}), "fegetenv");
    env.setInt(MXCSR_OFFSET, value);
    check(function("fesetenv").invokeInt(new Object[] {env}), "fesetenv");
  }

  private static void check(int rc, String call) {
    if (rc != 0) {
      throw new IllegalStateException(call + " failed");
    }
  }

  private static Function function(String name) {
    return NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction(name);
  }
}
