/**
 * Descent's fully connected layer: DL4J's dense layer (same parameters, initializer and checkpoints layout) with a
 * leaner training step. DL4J computes {@code x·W + b} twice per update (forward, then again inside backprop) and the
 * gradient with respect to the input even for the first layer, whose input is the data; {@link DenseLayer} keeps the
 * forward pre-activation for backprop and skips the input gradient when {@link Dense#isInputGradient()} is false.
 * The arithmetic is DL4J's, operation for operation, so results are bit-identical to DL4J's dense layer.
 */
package dev.descent.engine.layers.dense;
