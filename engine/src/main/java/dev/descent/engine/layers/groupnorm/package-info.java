/**
 * Group normalization (Wu &amp; He 2018) and its G = C special case, instance normalization (Ulyanov et al. 2016):
 * configurations {@link dev.descent.engine.layers.groupnorm.GroupNorm},
 * {@link dev.descent.engine.layers.groupnorm.InstanceNorm} and their shared layer implementation.
 */
package dev.descent.engine.layers.groupnorm;
