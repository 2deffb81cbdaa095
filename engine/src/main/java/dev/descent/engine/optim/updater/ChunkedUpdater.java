package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An updater whose rule is one element-wise chunk kernel over the gradient and its state arrays (in the order of the
 * state keys), run by {@link HeapChunks}: the step's scalars are computed once in double ({@link #scalars}) and handed
 * to the float kernel rounded once ({@link Scalars#floats}); arrays {@link HeapChunks} cannot run (a strided view, a
 * type other than float and double) take {@link #applyFallback}. The kernels stay static monomorphic loops: the only
 * dynamic call is {@link #chunk} once per chunk.
 *
 * @param <T> the configuration type
 */
abstract class ChunkedUpdater<T extends UpdaterConfig> extends StateUpdater<T> {
  protected ChunkedUpdater(T config, List<String> keys) {
    super(config, keys);
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
    HeapChunks.run((a, n) -> chunk(a, n, kf), (a, n) -> chunk(a, n, k), arrays);
  }

  /** The step's scalars for the kernels and the fallback, computed in double. */
  protected abstract double[] scalars(int iteration, int epoch);

  /** One float chunk: {@code a[0]} is the gradient, then the state arrays in key order; {@code k} the scalars. */
  protected abstract void chunk(float[][] a, int n, float[] k);

  /** One double chunk, as {@link #chunk(float[][], int, float[])}. */
  protected abstract void chunk(double[][] a, int n, double[] k);

  /** The same step for arrays {@link HeapChunks} cannot run, with the step's {@link #scalars}. */
  protected abstract void applyFallback(INDArray gradient, int iteration, double[] k);
}
