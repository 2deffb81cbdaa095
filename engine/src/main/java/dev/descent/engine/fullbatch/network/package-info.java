/**
 * The DL4J side: {@link dev.descent.engine.fullbatch.network.NetworkObjective}, the full-batch loss of a
 * {@code MultiLayerNetwork} as an {@link dev.descent.engine.fullbatch.core.Objective} over its flat parameter view.
 */
package dev.descent.engine.fullbatch.network;
