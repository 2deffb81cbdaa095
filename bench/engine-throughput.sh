#!/usr/bin/env bash
# Training throughput of the engine (samples/s), see docs/bench-engine.md.
# Usage: bench/engine-throughput.sh [extra JMH options, e.g. -p threads=1 or fitStep]
# Runs JMH from the engine's test classpath in a JVM started WITHOUT OMP_NUM_THREADS, so that the `threads=1`
# case measures NativeThreads.configure(1) and `threads=default` ND4J's own default.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -pl engine test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -o -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
classpath="engine/target/test-classes:engine/target/classes:$(cat "$classpath_file")"
exec env -u OMP_NUM_THREADS -u OPENBLAS_NUM_THREADS \
  java -Xmx4g -cp "$classpath" org.openjdk.jmh.Main EngineThroughputBenchmark \
  -f 1 -wi 1 -w 4s -i 3 -r 4s -rf json -rff target/bench-engine.json "$@"
