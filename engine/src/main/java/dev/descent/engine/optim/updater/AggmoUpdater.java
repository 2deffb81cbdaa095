package dev.descent.engine.optim.updater;

import dev.descent.engine.kernel.HeapChunks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The update rule of {@link AggmoConfig}: one momentum buffer per damping, named {@code momentum_buffer_i}. */
final class AggmoUpdater extends StateUpdater<AggmoConfig> {
  static final String BUFFER_PREFIX = "momentum_buffer_";
  private static final ThreadLocal<float[]> FLOAT_TOTAL = ThreadLocal.withInitial(() -> new float[HeapChunks.CHUNK]);
  private static final ThreadLocal<double[]> DOUBLE_TOTAL =
      ThreadLocal.withInitial(() -> new double[HeapChunks.CHUNK]);

  AggmoUpdater(AggmoConfig config) {
    super(config, keys(config.getBetas().length));
  }

  private static List<String> keys(int count) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(BUFFER_PREFIX + i);
    }
    return keys;
  }

  /**
   * {@code v⁽ⁱ⁾ = β⁽ⁱ⁾v⁽ⁱ⁾ + g} and the sum {@code Σᵢ v⁽ⁱ⁾} (from 0, in buffer order) chunk by chunk
   * ({@link HeapChunks}, one vectorized pass per buffer over a cached chunk); libnd4j's ops when there are no
   * buffers, more than {@link HeapChunks} runs at once, or arrays it cannot run.
   */
  @Override
  public void applyUpdater(INDArray gradient, int iteration, int epoch) {
    double[] betas = getConfig().getBetas();
    double scale = getConfig().getLearningRate(iteration, epoch) / betas.length;
    INDArray[] arrays = new INDArray[betas.length + 1];
    arrays[0] = gradient;
    for (int i = 0; i < betas.length; i++) {
      arrays[i + 1] = state(BUFFER_PREFIX + i);
    }
    if (betas.length == 0 || !HeapChunks.supports(arrays)) {
      applyNative(gradient, betas, scale);
      return;
    }
    float[] floatBetas = Scalars.floats(betas);
    HeapChunks.run((a, n) -> AggmoUpdaterFloats.aggmo(a, betas.length, n, floatBetas, (float) scale, FLOAT_TOTAL.get()),
        (a, n) -> aggmo(a, betas.length, n, betas, scale, DOUBLE_TOTAL.get()), arrays);
  }

  /** One chunk: {@code a[0]} is the gradient, {@code a[1..k]} the buffers; {@code total} is scratch. */
  static void aggmo(double[][] a, int k, int n, double[] betas, double scale, double[] total) {
    double[] g = a[0];
    Arrays.fill(total, 0, n, 0d);
    for (int j = 0; j < k; j++) {
      double[] b = a[j + 1];
      double beta = betas[j];
      for (int i = 0; i < n; i++) {
        double bi = b[i] * beta + g[i];
        b[i] = bi;
        total[i] += bi;
      }
    }
    for (int i = 0; i < n; i++) {
      g[i] = total[i] * scale;
    }
  }

  /** libnd4j's ops. */
  private void applyNative(INDArray gradient, double[] betas, double scale) {
    INDArray total = gradient.like();
    for (int i = 0; i < betas.length; i++) {
      INDArray buffer = state(BUFFER_PREFIX + i);
      buffer.muli(betas[i]).addi(gradient);
      total.addi(buffer);
    }
    gradient.assign(total).muli(scale);
  }
}
