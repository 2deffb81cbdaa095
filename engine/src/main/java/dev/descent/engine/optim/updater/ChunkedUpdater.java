package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An updater whose rule is one element-wise chunk kernel over the gradient and its state arrays (in the order of the
 * state keys), run by {@link HeapChunks}: the step's scalars are computed once in double ({@link #scalars}) and handed
 * to the float kernel rounded once ({@link Scalars#floats}); arrays {@link HeapChunks} cannot run (a strided view, a
 * type other than float and double) take {@link #applyFallback}. The kernels stay static monomorphic loops: the only
 * dynamic call is the {@link Chunk} once per chunk.
 *
 * @param <T> the configuration type
 */
abstract class ChunkedUpdater<T extends UpdaterConfig> extends StateUpdater<T> {
  private final Chunk<float[][], float[]> floats;
  private final Chunk<double[][], double[]> doubles;

  /**
   * One chunk of a kernel: {@code a[0]} is the gradient, then the state arrays in key order, {@code n} elements each;
   * {@code k} the step's scalars.
   *
   * @param <A> {@code float[][]} or {@code double[][]}
   * @param <K> {@code float[]} or {@code double[]}
   */
  @FunctionalInterface
  interface Chunk<A, K> {
    void apply(A a, int n, K k);
  }

  protected ChunkedUpdater(T config, List<String> keys, Chunk<float[][], float[]> floats,
      Chunk<double[][], double[]> doubles) {
    super(config, keys);
    this.floats = floats;
    this.doubles = doubles;
  }

  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    double[] k = scalars(iteration, epoch);
    INDArray[] arrays = operands(gradient);
    if (!HeapChunks.supports(arrays)) {
      applyFallback(gradient, iteration, k);
      return;
    }
    float[] kf = Scalars.floats(k);
    HeapChunks.run((a, n) -> floats.apply(a, n, kf), (a, n) -> doubles.apply(a, n, k), arrays);
  }

  /** The step's scalars for the kernels and the fallback, computed in double. */
  protected abstract double[] scalars(int iteration, int epoch);

  /** The same step for arrays {@link HeapChunks} cannot run, with the step's {@link #scalars}. */
  protected abstract void applyFallback(INDArray gradient, int iteration, double[] k);
}
