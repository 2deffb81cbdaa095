/**
 * Engine benchmarks. JMH benchmarks run by {@code bench/engine-throughput.sh} (results in
 * {@code docs/bench-engine.md}), and plain {@code main}s (not JUnit tests, so the build never runs them) that warm
 * up, time a fixed amount of work and print one machine-readable line {@code RESULT <name> <value> <unit>}, run
 * alternately with the PyTorch scripts in {@code bench/} by {@code bench/side-by-side.sh} (results in
 * {@code docs/bench-perf.md}).
 */
package dev.descent.engine.bench;
