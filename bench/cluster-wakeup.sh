#!/usr/bin/env bash
# Submit-to-claim latency across processes (issue #21): starts a cluster on this machine (one api-role instance with
# its embedded PostgreSQL, WORKERS worker-role instances over that PostgreSQL, their regular queue poll set to a minute
# so that only the job_queued notification wakes them), then submits a small iris job (3 epochs) to the api instance
# RUNS + 1 times, one after another, each once the previous one finished (every worker idle), drops the first (warm-up)
# and prints, from each job's timeline (QUEUED event at submit -> "claimed by" event at the claim):
#   RESULT submit_to_claim_ms <median> ms
#   RESULT submit_to_claim_max_ms <max> ms
#
# Usage: bench/cluster-wakeup.sh [RUNS] [WORKERS]   (RUNS default 20, WORKERS default 2); compiles api first unless
# SKIP_BUILD=1.
set -euo pipefail

RUNS=${1:-20}
WORKERS=${2:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
. "$ROOT/bench/jobs.sh"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'; }

cd "$ROOT"
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q -o -pl api -am compile >/dev/null
mvn -B -q -o -pl api -am dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" \
  >/dev/null
# the modules' own classes of this tree, not whatever the local repository holds of them
LIBS=$(tr ':' '\n' < "$WORK/cp.txt" | grep -v '/dev/descent/' | paste -sd:)
CP="$ROOT/api/target/classes:$ROOT/engine/target/classes:$ROOT/persistence/target/classes:$LIBS"
start() { # start LOG ARGS...: one instance in the background
  local log=$1
  shift
  OMP_NUM_THREADS=1 java -Xmx1g -cp "$CP" dev.descent.api.DescentApplication "$@" > "$WORK/$log" 2>&1 &
  PIDS+=($!)
}
await_health() {
  for _ in $(seq 600); do curl -sf "$1/actuator/health" >/dev/null && return 0; sleep 0.5; done
  echo "no health at $1" >&2
  exit 1
}

API_PORT=$(free_port)
DB_PORT=$(free_port)
start api.log --server.port="$API_PORT" --descent.roles=api --descent.db.data-dir="$WORK/pg" --descent.db.port="$DB_PORT"
await_health "http://localhost:$API_PORT"
for w in $(seq "$WORKERS"); do
  port=$(free_port)
  start "worker-$w.log" --server.port="$port" --descent.roles=worker --descent.worker.id="worker-$w" \
    --descent.worker.slots=2 --descent.workers.poll-interval=1m --descent.db.embedded=false \
    --spring.datasource.url="jdbc:postgresql://localhost:$DB_PORT/postgres" --spring.datasource.username=postgres
  await_health "http://localhost:$port"
done

BASE="http://localhost:$API_PORT"
python3 - "$ROOT/examples/iris-mlp.json" "$WORK/spec.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
spec["epochs"] = 3
json.dump(spec, open(sys.argv[2], "w"))
PY
sleep 2 # the workers' first poll (at start) is over
for run in $(seq 0 "$RUNS"); do
  run_job "$BASE" "$WORK/spec.json" "$WORK/job.json" 0.1
  [ "$run" = 0 ] || python3 - "$WORK/job.json" >> "$WORK/times.txt" <<'PY'
import datetime, json, sys
timeline = json.load(open(sys.argv[1]))["timeline"]
parse = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
assert timeline[1]["reason"].startswith("claimed by worker-"), timeline
print((parse(timeline[1]["at"]) - parse(timeline[0]["at"])).total_seconds() * 1000, timeline[1]["reason"])
PY
done
python3 - "$WORK/times.txt" <<'PY'
import statistics, sys
rows = [line.split(maxsplit=1) for line in open(sys.argv[1])]
ms = [float(r[0]) for r in rows]
print("claims by worker:", {w: sum(1 for r in rows if r[1].strip() == w) for w in sorted({r[1].strip() for r in rows})})
print(f"RESULT submit_to_claim_ms {statistics.median(ms):.1f} ms")
print(f"RESULT submit_to_claim_max_ms {max(ms):.1f} ms")
PY
