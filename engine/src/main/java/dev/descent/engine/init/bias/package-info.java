/**
 * Bias initialization applied to a built network: zero, a constant, a small positive constant for ReLU units, and the
 * output layer's bias from the training labels' marginals; {@link dev.descent.engine.init.bias.BiasInit} is also the
 * spec entry point.
 */
package dev.descent.engine.init.bias;
