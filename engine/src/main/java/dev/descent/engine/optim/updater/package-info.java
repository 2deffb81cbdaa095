/**
 * Our first-order optimizers as DL4J {@code IUpdater} configuration + {@code GradientUpdater} pairs, each
 * reproducing its reference implementation (PyTorch, qhoptim, the AggMo authors' code, or the cited paper) in
 * float64. L2 weight decay and decoupled weight decay are not applied here: they need the parameters, which DL4J's
 * {@code applyUpdater} does not receive, so {@code OptimizerSpecs} expresses them as DL4J regularizations applied
 * before / after the updater.
 */
package dev.descent.engine.optim.updater;
