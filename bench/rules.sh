#!/usr/bin/env bash
# What a job's rules cost per recorded metric point on the training thread (RuleOverheadBench): prints
# RESULT rules_points_ns (the sink alone) and RESULT rules_ns_per_point (the rules' extra). About 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/engine-classpath.sh
classpath=$(engine_test_classpath)
echo "== CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$classpath" \
  dev.descent.engine.bench.RuleOverheadBench
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
