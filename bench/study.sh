#!/usr/bin/env bash
# Runs a study body (default examples/studies/digits-optimizers.json) on a fresh service with its embedded PostgreSQL
# in a temporary folder and prints its summary as a Markdown table, for docs/studies/. Usage:
#   bench/study.sh [STUDY_JSON]      (JAR=… to use a built api/target/descent.jar instead of building one)
set -euo pipefail
BODY=${1:-examples/studies/digits-optimizers.json}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVICE_PID=
trap '[ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && { wait "$SERVICE_PID" || true; }; rm -rf "$WORK"' EXIT
cd "$ROOT"
. bench/auth.sh
if [ -z "${JAR:-}" ]; then
  mvn -B -q -DskipTests package >/dev/null
  JAR=api/target/descent.jar
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://localhost:$PORT"
java -jar "$JAR" --server.port="$PORT" --descent.db.data-dir="$WORK/pg" --descent.datasets.dir="$WORK/datasets" \
  > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; study $BODY; $(date -u +%FT%TZ)"
ID=$(curl -sf "${CURL_AUTH[@]}" -H 'Content-Type: application/json' --data @"$BODY" "$BASE/api/v1/studies" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
START=$(date +%s)
while [ "$(curl -sf "${CURL_AUTH[@]}" "$BASE/api/v1/studies/$ID" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')" \
    = RUNNING ]; do sleep 2; done
echo "wall time: $(( $(date +%s) - START )) s"
curl -sf "${CURL_AUTH[@]}" "$BASE/api/v1/studies/$ID" > "$WORK/study.json"
python3 - "$WORK/study.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("status:", s["status"], "counts:", s["counts"])
def stat(x, digits=4):
    if not x or x.get("mean") is None:
        return "–"
    sd = "" if x.get("sd") is None else f" ± {x['sd']:.{digits}f}"
    return f"{x['mean']:.{digits}f}{sd} (n={x['n']})"
print()
print("| arm / point | values | final | best | mean level | steps to threshold (reached) | paired diff vs first | diverged |")
print("|---|---|---|---|---|---|---|---|")
for r in s["summary"]:
    name = r.get("arm") or f"p{r.get('point')}"
    vals = json.dumps(r.get("values"))
    steps = stat(r.get("stepsToThreshold"), 0) + f" ({r['reached']}/{r['trials']})"
    print(f"| {name} | `{vals}` | {stat(r['final'])} | {stat(r['best'])} | {stat(r['meanLevel'])} | {steps} "
          f"| {stat(r.get('pairedDifference'))} | {r['diverged']} |")
rungs = s.get("rungs") or []
if rungs:
    print()
    by = {}
    for g in rungs:
        by.setdefault(g["rung"], []).append(g)
    for rung in sorted(by):
        promoted = sum(1 for g in by[rung] if g.get("decision") == "promoted")
        print(f"rung {rung} ({by[rung][0]['epochs']} epochs): {len(by[rung])} recorded, {promoted} promoted")
PY
