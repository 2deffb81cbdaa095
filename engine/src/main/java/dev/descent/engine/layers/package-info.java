/**
 * Descent's own normalization layers for DL4J, with hand-written forward and backward passes. The shared pieces live
 * here: {@link dev.descent.engine.layers.NormConfig} and {@link dev.descent.engine.layers.NormLayer}, the
 * configuration and implementation bases; {@link dev.descent.engine.layers.Standardization}, the standardization
 * kernel every normalization reduces to; {@link dev.descent.engine.layers.AffineParamInitializer}, the γ/β
 * parameters; {@link dev.descent.engine.layers.LayerWiring}. Each layer lives in its own sub-package:
 * {@code batchnorm}, {@code groupnorm} (group and instance norm), {@code layernorm}, {@code weightnorm} (dense and
 * convolution).
 *
 * <p>Configurations are serialized by DL4J with its shaded Jackson, by class name: every field has a public getter and
 * setter, and the classes must not move.
 */
package dev.descent.engine.layers;
