#!/usr/bin/env bash
# Downsampled metric reads at scale (issue #21): fills one series of 5,000,000 points into an embedded PostgreSQL 17
# through the schema's rollup trigger, then reads it down to 800 points from the rollups and, for comparison, by the
# raw window-aggregate scan. Prints the machine and `RESULT metric_read_ms <median>` (and metric_read_raw_ms).
# Options as system properties in JAVA_OPTS: -Dbench.points=5000000 -Dbench.maxPoints=800 -Dbench.rounds=21
# -Dbench.rawRounds=3. Needs network access for Maven on a fresh repository (no -o).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mvn -B -q -pl persistence test-compile
mvn -B -q -pl persistence dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" \
  >/dev/null
CP="persistence/target/test-classes:persistence/target/classes:$(cat "$WORK/cp.txt")"

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc --all) cores," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java -Xmx2g ${JAVA_OPTS:-} -cp "$CP" dev.descent.persistence.metric.MetricReadBench 2>&1 \
  | grep -v -e ' INFO ' -e ' DEBUG ' -e '^\s*$'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
