#!/usr/bin/env bash
# The iris example job (examples/iris-mlp.json) through a running service, warm: submits it RUNS + 1 times one after
# another (the first warms the JVM up and is dropped) and prints the medians of
#   RESULT tiny <s> s          training time, finishedAt - startedAt (claim, data, 480 updates, 60 evaluations,
#                              final checkpoint write)
#   RESULT claim_ms <ms> ms    submit to claim, startedAt - createdAt
#
# Usage: bench/service-tiny.sh BASE_URL [RUNS]   (RUNS default 5)
# The requests send DESCENT_KEY (default: descent-data/admin.key; bench/auth.sh).
set -euo pipefail

BASE=$1
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$ROOT/bench/jobs.sh"

for run in $(seq 0 "$RUNS"); do
  run_job "$BASE" "$ROOT/examples/iris-mlp.json" "$WORK/job.json" 0.2
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
