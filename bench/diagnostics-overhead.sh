#!/usr/bin/env bash
# Overhead of a job's default diagnostics on the 784-1024-256-10 MLP, see docs/diagnostics.md and docs/benchmarks.md.
# Usage: bench/diagnostics-overhead.sh [-Dbench.rounds=3] [-Dbench.steps=300] [-Dbench.diagnostics='{"curvatureEvery":200}']
# Alternates runs without and with diagnostics in ONE JVM; prints RESULT diagnostics_overhead_pct <x>.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/engine-classpath.sh
classpath=$(engine_test_classpath)
echo "== CPU: $(lscpu | sed -n 's/^Model name: *//p')"
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx4g "$@" -cp "$classpath" dev.descent.engine.bench.DiagnosticsOverheadBench 2>&1 \
  | grep --line-buffered -E '^(round|RESULT|PLATFORM)|Native platform'
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
