/**
 * Throughput benchmarks run side by side with the PyTorch scripts in {@code bench/}: plain {@code main}s (not JUnit
 * tests, so the build never runs them) that warm up, time a fixed amount of work and print one machine-readable
 * line {@code RESULT <name> <value> <unit>}. {@code bench/side-by-side.sh} runs them alternately with PyTorch.
 */
package dev.descent.engine.bench;
