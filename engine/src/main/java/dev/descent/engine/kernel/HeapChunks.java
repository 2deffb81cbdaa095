package dev.descent.engine.kernel;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import sun.misc.Unsafe;

/**
 * Runs an element-wise kernel over contiguous arrays of equal length and type, chunk by chunk: each chunk of each
 * array is copied into a per-thread heap array, the kernel updates the heap arrays in place, and every chunk is
 * copied back. A chunk (2,048 elements) stays in the L1/L2 cache between the copies. Arrays that are not contiguous
 * (element-wise stride other than 1), or of a type other than float and double, are refused: {@link #supports}.
 */
public final class HeapChunks {
  /** The most elements a kernel call is handed at once (the length of each heap array). */
  public static final int CHUNK = 2048;
  static final int MAX_ARRAYS = 6;
  private static final Unsafe UNSAFE = unsafe();
  private static final long FLOATS = UNSAFE.arrayBaseOffset(float[].class);
  private static final long DOUBLES = UNSAFE.arrayBaseOffset(double[].class);
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private HeapChunks() {}

  /** A loop over {@code arrays[j][0 .. length)}, j in the order the arrays were passed, for float data. */
  @FunctionalInterface
  public interface FloatKernel {
    void apply(float[][] arrays, int length);
  }

  /** The same loop for double data. */
  @FunctionalInterface
  public interface DoubleKernel {
    void apply(double[][] arrays, int length);
  }

  private static final class Scratch {
    final float[][] floats = new float[MAX_ARRAYS][CHUNK];
    final double[][] doubles = new double[MAX_ARRAYS][CHUNK];
  }

  /**
   * Whether the arrays can be run: at most six, contiguous, of one length and of type float or double, and laid out
   * in one element order (vectors, or arrays of one shape and ordering).
   */
  public static boolean supports(INDArray... arrays) {
    if (arrays.length == 0 || arrays.length > MAX_ARRAYS) {
      return false;
    }
    DataType type = arrays[0].dataType();
    if (type != DataType.FLOAT && type != DataType.DOUBLE) {
      return false;
    }
    for (INDArray array : arrays) {
      if (array.dataType() != type || array.length() != arrays[0].length()
          || array.length() > 1 && array.elementWiseStride() != 1 || !sameOrder(arrays[0], array)) {
        return false;
      }
    }
    return true;
  }

  /** Whether contiguous {@code a} and {@code b} hold their elements in the same order in memory. */
  private static boolean sameOrder(INDArray a, INDArray b) {
    return a.isVectorOrScalar() && b.isVectorOrScalar()
        || a.ordering() == b.ordering() && Arrays.equals(a.shape(), b.shape());
  }

  /** Runs {@code floats} or {@code doubles} (by the arrays' type) over the arrays, which {@link #supports}. */
  public static void run(FloatKernel floats, DoubleKernel doubles, INDArray... arrays) {
    run(true, floats, doubles, arrays);
  }

  /** As {@link #run}, for a kernel that only reads: nothing is copied back. */
  public static void read(FloatKernel floats, DoubleKernel doubles, INDArray... arrays) {
    run(false, floats, doubles, arrays);
  }

  private static void run(boolean write, FloatKernel floats, DoubleKernel doubles, INDArray... arrays) {
    if (!supports(arrays)) {
      throw new IllegalArgumentException("arrays are not contiguous arrays of one length and type");
    }
    long[] addresses = new long[arrays.length];
    for (int j = 0; j < arrays.length; j++) {
      addresses[j] = arrays[j].data().addressPointer().address();
    }
    Scratch scratch = SCRATCH.get();
    long length = arrays[0].length();
    boolean isFloat = arrays[0].dataType() == DataType.FLOAT;
    Object[] heap = isFloat ? scratch.floats : scratch.doubles;
    long base = isFloat ? FLOATS : DOUBLES;
    int bytes = isFloat ? Float.BYTES : Double.BYTES;
    for (long start = 0; start < length; start += CHUNK) {
      int n = (int) Math.min(CHUNK, length - start);
      for (int j = 0; j < addresses.length; j++) {
        UNSAFE.copyMemory(null, addresses[j] + start * bytes, heap[j], base, (long) n * bytes);
      }
      if (isFloat) {
        floats.apply(scratch.floats, n);
      } else {
        doubles.apply(scratch.doubles, n);
      }
      for (int j = 0; write && j < addresses.length; j++) {
        UNSAFE.copyMemory(heap[j], base, null, addresses[j] + start * bytes, (long) n * bytes);
      }
    }
  }

  /**
   * {@code Σ xᵢ²} over a contiguous float or double array, accumulated in double, read in place (a reduction gains
   * nothing from the heap copy: C2 does not vectorize floating-point sums, whose order it must keep).
   */
  public static double sumOfSquares(INDArray array) {
    if (!supports(array)) {
      throw new IllegalArgumentException("not a contiguous float or double array");
    }
    long address = array.data().addressPointer().address();
    return array.dataType() == DataType.FLOAT
        ? Sums.squaresOfFloats(UNSAFE, address, array.length())
        : Sums.squaresOfDoubles(UNSAFE, address, array.length());
  }

  /** The L2 norm, {@code √Σ xᵢ²}, accumulated in double; ND4J's {@code norm2} for arrays this cannot run. */
  public static double norm2(INDArray array) {
    return supports(array) ? Math.sqrt(sumOfSquares(array)) : array.norm2Number().doubleValue();
  }

  private static Unsafe unsafe() {
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (Unsafe) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
