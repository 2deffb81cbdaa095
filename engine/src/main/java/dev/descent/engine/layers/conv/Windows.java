package dev.descent.engine.layers.conv;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The geometry of one 2-D window op on one input: output size and padding, and libnd4j's integer arguments. DL4J's
 * {@code Same} mode is libnd4j's SAME (output ⌈n / s⌉, top-left padding ⌊total / 2⌋); every other mode is explicit
 * padding with output ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 (DL4J's {@code Truncate}).
 */
record Windows(int[] kernel, int[] stride, int[] padding, int[] dilation, boolean same, CNN2DFormat format,
    int[] outSize) {

  /** The geometry of a window op with these settings on {@code input}. */
  static Windows of(INDArray input, int[] kernel, int[] stride, int[] padding, int[] dilation,
      ConvolutionMode mode, CNN2DFormat format) {
    boolean same = mode == ConvolutionMode.Same;
    int[] outSize = ConvolutionUtils.getOutputSize(input, kernel, stride, same ? null : padding,
        same ? ConvolutionMode.Same : ConvolutionMode.Truncate, dilation, format);
    int[] pad = same
        ? ConvolutionUtils.getSameModeTopLeftPadding(outSize, spatial(input, format), kernel, stride, dilation)
        : padding;
    return new Windows(kernel, stride, pad, dilation, same, format, outSize);
  }

  /** {@code [N, C, outH, outW]} (NCHW) or {@code [N, outH, outW, C]} (NHWC). */
  long[] outputShape(long batch, long channels) {
    return format == CNN2DFormat.NCHW
        ? new long[] {batch, channels, outSize[0], outSize[1]}
        : new long[] {batch, outSize[0], outSize[1], channels};
  }

  /** libnd4j's data format argument: 0 NCHW, 1 NHWC. */
  int formatArg() {
    return format == CNN2DFormat.NCHW ? 0 : 1;
  }

  /** {@code kH, kW, sH, sW, pH, pW, dH, dW, same}, the arguments every 2-D window op starts with. */
  int[] commonArgs() {
    return new int[] {kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1],
        same ? 1 : 0};
  }

  /** {@code conv2d(_bp)}'s arguments: the common ones, the data format, weight format 1 ({@code [oC, iC, kH, kW]}). */
  int[] convArgs() {
    return append(commonArgs(), formatArg(), 1);
  }

  /** {@code maxpool2d}/{@code avgpool2d(_bp)}'s arguments: the common ones, {@code extra} and the data format. */
  int[] poolArgs(int extra) {
    return append(commonArgs(), extra, formatArg());
  }

  private static int[] append(int[] head, int... tail) {
    int[] args = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, args, head.length, tail.length);
    return args;
  }

  private static int[] spatial(INDArray input, CNN2DFormat format) {
    int h = format == CNN2DFormat.NCHW ? 2 : 1;
    return new int[] {(int) input.size(h), (int) input.size(h + 1)};
  }
}
