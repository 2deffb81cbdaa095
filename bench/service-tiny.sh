#!/usr/bin/env bash
# The iris example job (examples/iris-mlp.json) through a running service, warm: submits it RUNS + 1 times one after
# another (the first warms the JVM up and is dropped) and prints the medians of
#   RESULT tiny <s> s          training time, finishedAt - startedAt (claim, data, 480 updates, 60 evaluations,
#                              final checkpoint write)
#   RESULT claim_ms <ms> ms    submit to claim, startedAt - createdAt
#
# Usage: bench/service-tiny.sh BASE_URL [RUNS]   (RUNS default 5)
set -euo pipefail

BASE=$1
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for run in $(seq 0 "$RUNS"); do
  id=$(curl -sf -H 'Content-Type: application/json' --data @"$ROOT/examples/iris-mlp.json" "$BASE/api/v1/jobs" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  while :; do
    curl -sf "$BASE/api/v1/jobs/$id" > "$WORK/job.json"
    status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["status"])' "$WORK/job.json")
    case "$status" in SUCCEEDED) break ;; FAILED | CANCELLED) echo "job $id $status" >&2; exit 1 ;; esac
    sleep 0.2
  done
  [ "$run" = 0 ] || python3 - "$WORK/job.json" >> "$WORK/times.txt" <<'PY'
import datetime, json, sys
job = json.load(open(sys.argv[1]))
parse = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print((parse(job["finishedAt"]) - parse(job["startedAt"])).total_seconds(),
      (parse(job["startedAt"]) - parse(job["createdAt"])).total_seconds() * 1000)
PY
done
python3 - "$WORK/times.txt" <<'PY'
import statistics, sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
print(f"RESULT tiny {statistics.median(r[0] for r in rows):.4f} s")
print(f"RESULT claim_ms {statistics.median(r[1] for r in rows):.1f} ms")
PY
