/**
 * Weight initialization: DL4J {@link org.deeplearning4j.nn.weights.IWeightInit} schemes that survive the network's
 * JSON (uniform fan-in heuristic, Glorot/Xavier, He/Kaiming, LeCun, orthogonal, Martens' sparse), each with a scale
 * multiplier; the data-dependent LSUV pass over an initialized network; and {@link
 * dev.descent.engine.init.WeightInits}, the spec entry point. Biases live in {@code init.bias}. Every scheme draws
 * from a {@code SplittableRandom} seeded from ND4J's global generator, which {@code MultiLayerNetwork.init()} seeds
 * with the network's seed.
 */
package dev.descent.engine.init;
