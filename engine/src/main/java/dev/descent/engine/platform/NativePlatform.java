package dev.descent.engine.platform;

import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@link NativeSetup} chose: the CPU it saw, the libnd4j build, and where the OpenBLAS core type came from.
 * {@link #describeLoaded()} reports what actually runs (loading ND4J if needed), for logs and benchmark output.
 */
public record NativePlatform(CpuInfo cpu, NativeBuild build, String coreTypeSource) {
  /** The label of the libnd4j build loaded in this process (read from the mapped library), loading ND4J if needed. */
  public static String loadedBuild() {
    Nd4j.getBackend();
    return LoadedLibraries.nd4jBuild(NativeBuilds.platform());
  }

  /** CPU, the libnd4j build that loaded, and the OpenBLAS kernel in use. */
  public String describeLoaded() {
    return "cpu=\"%s\" nd4j_build=%s openblas_core=%s".formatted(cpu.describe(), loadedBuild(),
        BlasKernels.loadedCore());
  }
}
