/**
 * Turns a job's model spec into a DL4J {@code MultiLayerNetwork} (float32, seeded), with its updater: dense and
 * output layers, convolution and pooling ({@code SpatialLayers}), our normalization layers ({@code NormLayers}), the
 * input type that wires images and feature vectors ({@code InputTypes}), and the data-dependent initialization
 * (bias init, LSUV) run once on a fresh network ({@code DataDependentInit}).
 */
package dev.descent.engine.model;
