/**
 * Batch normalization (Ioffe &amp; Szegedy 2015): configuration {@link dev.descent.engine.layers.batchnorm.BatchNorm},
 * its parameters (γ, β and the running statistics) and the layer implementation.
 */
package dev.descent.engine.layers.batchnorm;
