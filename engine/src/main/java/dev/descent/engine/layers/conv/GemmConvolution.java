package dev.descent.engine.layers.conv;

import dev.descent.engine.layers.Scratch;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The NCHW convolution without libnd4j's generic {@code conv2d}/{@code conv2d_bp}, whose {@code tensorDot} copies the
 * 6-D im2col buffer and the output gradient into GEMM layout element by element (55% of a CNN step on a build
 * without oneDNN). Here libnd4j's {@code im2col} op writes a contiguous {@code [N, C·kH·kW, P]} buffer, kept from a
 * training forward pass for the backward pass, and per sample {@code n} GEMMs on views need no copies: forward
 * {@code z_n = W · cols_n (+ b)}, backward {@code ∂L/∂W += ∂L/∂z_n · cols_nᵀ} and {@code ∂cols_n = Wᵀ · ∂L/∂z_n};
 * the {@code col2im} op sums the column gradients into ∂L/∂x. Used where oneDNN does not run the convolution:
 * builds without it, and every type but float32.
 */
final class GemmConvolution {
  /** Whether the loaded libnd4j build has oneDNN (its {@code conv2d_bp} then runs oneDNN's kernels for float32). */
  static final boolean ONEDNN = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");

  private final Scratch scratch = new Scratch();
  private INDArray keptInput;

  /** Whether this path should run for input {@code x} of this layer: NCHW, and not a case oneDNN handles. */
  static boolean applies(INDArray x, CNN2DFormat format) {
    return format == CNN2DFormat.NCHW && (!ONEDNN || x.dataType() != DataType.FLOAT);
  }

  /** Writes {@code z = W ∗ x (+ bias)} into {@code z} ({@code [N, oC, oH, oW]}, C order); {@code bias} may be null. */
  void forward(INDArray x, INDArray weights, INDArray bias, Windows windows, INDArray z, boolean training) {
    long outChannels = weights.size(0);
    long k = weights.length() / outChannels;
    long positions = (long) windows.outSize()[0] * windows.outSize()[1];
    INDArray cols = columns(x, weights, windows, training ? "cols" : "inferenceCols");
    keptInput = training ? x : keptInput;
    INDArray w2d = weights.reshape('c', outChannels, k);
    for (long n = 0; n < x.size(0); n++) {
      Nd4j.gemm(w2d, matrix(cols, n * k * positions, k, positions),
          matrix(z, n * outChannels * positions, outChannels, positions), false, false, 1.0, 0.0);
    }
    if (bias != null) {
      Nd4j.exec(new AddOp(z, bias.reshape(1, outChannels, 1, 1), z));
    }
  }

  /**
   * Writes ∂L/∂W into {@code gradW} ({@code [oC, iC, kH, kW]}), ∂L/∂b into {@code gradB} unless null, and ∂L/∂x
   * into {@code gradX}, from the input {@code x}, the weights and {@code gradZ} ({@code [N, oC, oH, oW]}).
   */
  void backward(INDArray x, INDArray weights, INDArray gradZ, Windows windows, INDArray gradX, INDArray gradW,
      INDArray gradB) {
    long batch = x.size(0);
    long outChannels = weights.size(0);
    long k = weights.length() / outChannels;
    long positions = (long) windows.outSize()[0] * windows.outSize()[1];
    INDArray g = gradZ.ordering() == 'c' && gradZ.elementWiseStride() == 1 ? gradZ : gradZ.dup('c');
    INDArray cols = keptInput == x ? scratch.get("cols", x.dataType(), columnShape(x, weights, windows))
        : columns(x, weights, windows, "cols");
    keptInput = null;
    INDArray gradCols = scratch.get("gradCols", x.dataType(), cols.shape());
    INDArray w2d = weights.reshape('c', outChannels, k);
    INDArray gradW2d = gradW.reshape('c', outChannels, k);
    for (long n = 0; n < batch; n++) {
      INDArray gn = matrix(g, n * outChannels * positions, outChannels, positions);
      Nd4j.gemm(gn, matrix(cols, n * k * positions, k, positions), gradW2d, false, true, 1.0, n == 0 ? 0.0 : 1.0);
      Nd4j.gemm(w2d, gn, matrix(gradCols, n * k * positions, k, positions), true, false, 1.0, 0.0);
    }
    if (gradB != null) {
      Nd4j.exec(new Sum(g, gradB, 0, 2, 3));
    }
    int[] c = windows.commonArgs();
    Nd4j.exec(DynamicCustomOp.builder("col2im").addInputs(gradCols).addOutputs(gradX)
        .addIntegerArguments(c[2], c[3], c[4], c[5], (int) x.size(2), (int) x.size(3), c[6], c[7], c[8]).build());
  }

  /** The im2col buffer {@code key} filled for {@code x}. */
  private INDArray columns(INDArray x, INDArray weights, Windows windows, String key) {
    INDArray cols = scratch.get(key, x.dataType(), columnShape(x, weights, windows));
    Nd4j.exec(DynamicCustomOp.builder("im2col").addInputs(x).addOutputs(cols)
        .addIntegerArguments(windows.commonArgs()).build());
    return cols;
  }

  private static long[] columnShape(INDArray x, INDArray weights, Windows windows) {
    return new long[] {x.size(0), weights.size(1), weights.size(2), weights.size(3), windows.outSize()[0],
        windows.outSize()[1]};
  }

  /** The C-ordered {@code [rows, columns]} matrix at {@code offset} elements into {@code array}'s buffer. */
  private static INDArray matrix(INDArray array, long offset, long rows, long columns) {
    return Nd4j.create(array.data(), new long[] {rows, columns}, new long[] {columns, 1}, array.offset() + offset, 'c');
  }
}
