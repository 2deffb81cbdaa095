#!/usr/bin/env bash
# The same MLP job through the running service and through the engine alone, end to end (data, build, training,
# evaluation, final checkpoint): prints both iterations/s and their ratio service/engine (goal ≥ 0.95).
# The service's figure is iterations / (finishedAt − startedAt) from GET /api/v1/jobs/{id}.
#
# Usage: bench/service-vs-engine.sh [BASE_URL]   (default http://localhost:18090; start the service first:
#   DESCENT_ADMIN_KEY=$DESCENT_KEY java -jar api/target/descent.jar --server.port=18090 --descent.db.data-dir=/tmp/perf-pg)
# Environment: STEPS (training steps of the job, default 300), DESCENT_KEY (the service's key; bench/auth.sh).
set -euo pipefail

BASE=${1:-http://localhost:18090}
STEPS=${STEPS:-300}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$ROOT"
. bench/jobs.sh
mvn -B -q -pl engine test-compile
mvn -B -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="engine/target/test-classes:engine/target/classes:$(cat "$WORK/cp.txt")"
run_engine() {
  OMP_NUM_THREADS=1 java -cp "$CP" -Dbench.steps="$STEPS" dev.descent.engine.bench.EndToEndBench "$@" 2>/dev/null
}

run_engine --json > "$WORK/spec.json"
run_job "$BASE" "$WORK/spec.json" "$WORK/job.json" 1
service=$(python3 - "$WORK/job.json" "$STEPS" <<'PY'
import datetime, json, sys
job = json.load(open(sys.argv[1]))
parse = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
seconds = (parse(job["finishedAt"]) - parse(job["startedAt"])).total_seconds()
print(f"{int(sys.argv[2]) / seconds:.3f}")
PY
)
engine=$(run_engine | awk '$2 == "engine_end_to_end" {print $3}')
echo "RESULT service $service iterations/s"
echo "RESULT engine $engine iterations/s"
awk -v s="$service" -v e="$engine" 'BEGIN {printf "RESULT service_over_engine %.3f x\n", s / e}'
