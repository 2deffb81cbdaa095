#!/usr/bin/env bash
# What a job's rules cost per recorded metric point on the training thread (RuleOverheadBench): prints
# RESULT rules_points_ns (the sink alone) and RESULT rules_ns_per_point (the rules' extra). About 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl engine test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q -o -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
echo "== CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "engine/target/test-classes:engine/target/classes:$(cat "$classpath_file")" \
  dev.descent.engine.bench.RuleOverheadBench
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
