package dev.descent.engine.layers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's named, reusable arrays outside DL4J's workspaces, for what it keeps or computes between the forward and
 * the backward pass. An array is allocated once and handed out again while the requested shape and type stay the
 * same: every new array outside a workspace costs an allocation that libnd4j zero-fills, which in a CNN step was as
 * costly as the normalization arithmetic itself. The contents are whatever was last written; callers overwrite them.
 */
public final class Scratch {
  private final Map<String, INDArray> arrays = new HashMap<>();

  /** The C-ordered array {@code key} of this shape and type, reused when possible, with unspecified contents. */
  public INDArray get(String key, DataType dataType, long... shape) {
    INDArray array = arrays.get(key);
    if (array == null || array.dataType() != dataType || !Arrays.equals(array.shape(), shape)) {
      try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
        array = Nd4j.createUninitialized(dataType, shape, 'c');
      }
      arrays.put(key, array);
    }
    return array;
  }
}
