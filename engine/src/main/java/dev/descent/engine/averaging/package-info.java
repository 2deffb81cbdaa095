/**
 * Polyak averages of a network's flat parameter vector (Polyak &amp; Juditsky 1992, "Acceleration of stochastic
 * approximation by averaging"): the arithmetic mean of the iterates and an exponential moving average, updated in
 * place each iteration, evaluated by swapping them into the network, and saved with the loop's checkpoints.
 */
package dev.descent.engine.averaging;
