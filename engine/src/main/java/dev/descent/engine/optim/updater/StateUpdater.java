package dev.descent.engine.optim.updater;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Common part of our {@link GradientUpdater}s: the state is a list of named arrays, each a VIEW of one equal slice of
 * the state array DL4J hands in (so that DL4J's {@code ModelSerializer} saves and restores it), reshaped like the
 * gradient; a vector's views stay 'c' like DL4J's vector gradient views, as libnd4j's element-wise loops take their
 * contiguous fast path only when all operands share one ordering. {@link #applyUpdater} turns the gradient in place
 * into the update that DL4J subtracts from the parameters. {@code iteration} is DL4J's 0-based count of updates done
 * so far, so the PyTorch step is {@code iteration + 1}.
 *
 * @param <T> the configuration type
 */
public abstract class StateUpdater<T extends UpdaterConfig> implements GradientUpdater<T> {
  private final T config;
  private final List<String> keys;
  private Map<String, INDArray> state = new LinkedHashMap<>();

  protected StateUpdater(T config, List<String> keys) {
    this.config = config;
    this.keys = List.copyOf(keys);
  }

  /** Sets freshly zeroed state to its starting values; the default leaves it at zero. */
  protected void initializeState() {}

  /** How many state arrays (each as long as the parameters) the updater keeps. */
  final int stateKeyCount() {
    return keys.size();
  }

  /** The state array named {@code key}. */
  protected final INDArray state(String key) {
    return state.get(key);
  }

  @Override
  public T getConfig() {
    return config;
  }

  @Override
  public Map<String, INDArray> getState() {
    return state;
  }

  @Override
  public void setState(Map<String, INDArray> stateMap, boolean initialize) {
    if (!stateMap.keySet().containsAll(keys)) {
      throw new IllegalArgumentException("state needs keys " + keys + ", got " + stateMap.keySet());
    }
    state = new LinkedHashMap<>(stateMap);
    if (initialize) {
      state.values().forEach(array -> array.assign(0));
      initializeState();
    }
  }

  @Override
  public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
    if (keys.isEmpty()) {
      return;
    }
    if (initialize) {
      viewArray.assign(0);
    }
    INDArray flat = viewArray.reshape(viewArray.length());
    long slice = flat.length() / keys.size();
    Map<String, INDArray> views = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      INDArray part = flat.get(NDArrayIndex.interval(i * slice, (i + 1) * slice));
      boolean fortran = gradientOrder == 'f' && gradientShape.length > 1;
      views.put(keys.get(i), Shape.newShapeNoCopy(part, gradientShape, fortran));
    }
    state = views;
    if (initialize) {
      initializeState();
    }
  }

  /** The gradient followed by the state arrays, in key order. */
  protected final INDArray[] operands(INDArray gradient) {
    INDArray[] arrays = new INDArray[1 + keys.size()];
    arrays[0] = gradient;
    for (int i = 0; i < keys.size(); i++) {
      arrays[i + 1] = state.get(keys.get(i));
    }
    return arrays;
  }

  /** The PyTorch step number (1-based) of the update DL4J calls iteration {@code iteration} (0-based). */
  protected static int step(int iteration) {
    return iteration + 1;
  }
}
