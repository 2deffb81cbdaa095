/** JMH benchmarks of the online learners (results in {@code docs/bench-online.md}). */
package dev.descent.engine.online.bench;
