/**
 * Our first-order optimizers as DL4J {@code IUpdater} configuration + {@code GradientUpdater} pairs, each
 * reproducing its reference implementation (PyTorch, qhoptim, the AggMo authors' code, or the cited paper) in
 * float64. L2 weight decay and decoupled weight decay are not applied here: they need the parameters, which DL4J's
 * {@code applyUpdater} does not receive, so {@code OptimizerSpecs} expresses them as DL4J regularizations applied
 * before / after the updater.
 *
 * <p>Each rule's chunk kernels ({@link dev.descent.engine.kernel.HeapChunks}) are written once, over {@code double}
 * arrays; their float twins ({@code <Updater>Floats}) are generated from them in {@code generate-sources} by
 * {@code engine/src/build/java/FloatKernels.java} (same operations in the same order, in float), so a change to a
 * kernel reaches both precisions.
 */
package dev.descent.engine.optim.updater;
