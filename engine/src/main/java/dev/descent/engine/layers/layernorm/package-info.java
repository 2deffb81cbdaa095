/**
 * Layer normalization (Ba, Kiros &amp; Hinton 2016) over all features of a sample, with ε:
 * {@link dev.descent.engine.layers.layernorm.LayerNorm} and its layer implementation.
 */
package dev.descent.engine.layers.layernorm;
