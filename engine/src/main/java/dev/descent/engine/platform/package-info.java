/**
 * The native platform under the engine, chosen before ND4J loads: which libnd4j build (generic, AVX2, AVX-512, with
 * or without oneDNN) for this CPU ({@link NativeBuilds}), which OpenBLAS kernel ({@link BlasKernels}; OpenBLAS 0.3.19
 * does not know recent Intel CPUs and falls back to its SSE3 kernels), and flush-to-zero / denormals-are-zero on the
 * training threads ({@link FlushToZero}) so that a converging model does not slow down on subnormal numbers.
 * {@link NativeSetup#ensure()} applies all of it once per process.
 */
package dev.descent.engine.platform;
