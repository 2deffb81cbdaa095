/**
 * Weight normalization (Salimans &amp; Kingma 2016) of a dense layer:
 * {@link dev.descent.engine.layers.weightnorm.WeightNormDense}, its parameters (v, g, bias) and layer implementation.
 */
package dev.descent.engine.layers.weightnorm;
