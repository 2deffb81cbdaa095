#!/usr/bin/env bash
# Training throughput of the engine (samples/s), see docs/bench-engine.md.
# Usage: bench/engine-throughput.sh [extra JMH options, e.g. -p threads=1 or fitStep]
# Both steps run in JVMs started WITHOUT OMP_NUM_THREADS, so that `threads=1` measures NativeThreads.configure(1)
# and `threads=default` ND4J's own default. About 90 s on an idle 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/engine-classpath.sh
classpath=$(engine_test_classpath)
run() { env -u OMP_NUM_THREADS -u OPENBLAS_NUM_THREADS java -Xmx4g -cp "$classpath" "$@"; }

echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== CPU-time throughput of one training step (784-1024-256-10, batch 64, Adam)"
run dev.descent.engine.bench.CpuTimeThroughput 1 2>/dev/null
echo "== JMH"
mkdir -p target
run org.openjdk.jmh.Main EngineThroughputBenchmark -f 1 -wi 1 -w 2s -i 3 -r 2s \
  -rf json -rff target/bench-engine.json "$@" 2>&1 | grep -vE ' INFO |^\s*(GCC|STD|DEFAULT|HAVE)'
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
