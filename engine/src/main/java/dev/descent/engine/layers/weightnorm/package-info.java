/**
 * Weight normalization (Salimans &amp; Kingma 2016), {@code w = g · v / ‖v‖} per output unit: the shared
 * reparameterization, a dense layer ({@link dev.descent.engine.layers.weightnorm.WeightNormDense}, hand-written
 * forward and backward) and a convolution ({@link dev.descent.engine.layers.weightnorm.WeightNormConvolution}, DL4J's
 * convolution with the reparameterized weight), each with its parameter initializer and layer implementation.
 */
package dev.descent.engine.layers.weightnorm;
