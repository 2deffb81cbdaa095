/**
 * Convolution and pooling on libnd4j's own fast ops: {@link dev.descent.engine.layers.conv.Conv2d} runs
 * {@code conv2d}/{@code conv2d_bp} (oneDNN in an onednn native build, a contiguous im2col + GEMM otherwise) and
 * {@link dev.descent.engine.layers.conv.Pool2d} runs {@code maxpool2d}/{@code avgpool2d} and their backward ops,
 * instead of DL4J's {@code ConvolutionLayer}, whose im2col spends most of a CNN step in a strided element copy. The
 * configurations extend DL4J's so that input types, parameter layout, LSUV and serialization work unchanged; their
 * class names are stored in checkpoints, so this package must not move.
 */
package dev.descent.engine.layers.conv;
