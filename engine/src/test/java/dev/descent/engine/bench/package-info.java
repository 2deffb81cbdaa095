/**
 * JMH benchmarks of the engine, run by {@code bench/engine-throughput.sh} from the repository root; results are
 * recorded in {@code docs/bench-engine.md}.
 */
package dev.descent.engine.bench;
