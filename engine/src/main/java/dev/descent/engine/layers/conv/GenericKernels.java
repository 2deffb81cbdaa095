package dev.descent.engine.layers.conv;

import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs an op with libnd4j's platform helpers (oneDNN) switched off, for the calls they get wrong: in the onednn
 * builds of nd4j-native 1.0.0-M2.1, {@code conv2d} with dilation &gt; 1 fails ("could not create a descriptor for a
 * dilated convolution"), while the generic implementation is right (the float32 reference test shows both). The
 * switch is process-wide in libnd4j, so it is counted: helpers stay off while any thread is inside, and other
 * threads' ops meanwhile run the generic code, which is slower but correct. Without oneDNN this is a plain call.
 */
final class GenericKernels {
  private static int inside;

  private GenericKernels() {}

  /** Executes {@code op}, without platform helpers when {@code generic} holds. */
  static void exec(CustomOp op, boolean generic) {
    if (!generic) {
      Nd4j.exec(op);
      return;
    }
    enter();
    try {
      Nd4j.exec(op);
    } finally {
      leave();
    }
  }

  private static synchronized void enter() {
    Environment environment = Nd4j.getEnvironment();
    if (inside++ == 0) {
      environment.allowHelpers(false);
    }
  }

  private static synchronized void leave() {
    if (--inside == 0) {
      Nd4j.getEnvironment().allowHelpers(true);
    }
  }
}
