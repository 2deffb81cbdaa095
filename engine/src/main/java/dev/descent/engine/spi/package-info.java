/**
 * Ports the engine calls while it trains: metrics, checkpoints, progress, cancellation, rule firings. Plain Java; the
 * {@code api} module adapts them onto the persistence layer.
 */
package dev.descent.engine.spi;
