#!/usr/bin/env bash
# Runs a study body (default examples/studies/digits-optimizers.json) on a fresh service with its embedded PostgreSQL
# in a temporary folder and prints its summary as a Markdown table, for docs/studies/, then per arm the trials' final
# val_accuracy and their wall time (job start to finish) from the trial jobs. Usage:
#   bench/study.sh [STUDY_JSON]      (JAR=… to use a built api/target/descent.jar instead of building one;
#                                     METRICS=val_accuracy,… adds each arm's mean ± sd of its trials' latest values)
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
python3 - "$WORK/study.json" "$BASE" "${METRICS:-}" <<'PY'
import json, os, statistics, sys, urllib.request
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
metrics = [m for m in sys.argv[3].split(",") if m]
if metrics:
    print()
    print("| arm / point | " + " | ".join(f"latest {m}" for m in metrics) + " |")
    print("|---|" + "---|" * len(metrics))
    arms = {}
    for t in s["trials"]:
        job = json.load(urllib.request.urlopen(urllib.request.Request(
            f"{sys.argv[2]}/api/v1/jobs/{t['jobId']}",
            headers={"Authorization": "Bearer " + os.environ["DESCENT_KEY"]})))
        key = t.get("arm") or json.dumps(t.get("values"))
        arms.setdefault(key, []).append(job.get("latestMetrics") or {})
    for key, latest in arms.items():
        cells = []
        for m in metrics:
            xs = [x[m] for x in latest if x.get(m) is not None]
            sd = f" ± {statistics.stdev(xs):.4f}" if len(xs) > 1 else ""
            cells.append(f"{statistics.mean(xs):.4f}{sd} (n={len(xs)})" if xs else "–")
        print(f"| {key} | " + " | ".join(cells) + " |")
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
python3 - "$WORK/study.json" "$BASE" <<'PY'
import json, os, statistics, sys, urllib.request
from datetime import datetime
s, base = json.load(open(sys.argv[1])), sys.argv[2]
def seconds(t):
    return datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()
rows = {}
for t in s.get("trials") or []:
    job = json.load(urllib.request.urlopen(urllib.request.Request(
        f"{base}/api/v1/jobs/{t['jobId']}", headers={"Authorization": "Bearer " + os.environ["DESCENT_KEY"]})))
    acc = job.get("latestMetrics", {}).get("val_accuracy")
    ends = (job.get("startedAt"), job.get("finishedAt"))
    wall = seconds(ends[1]) - seconds(ends[0]) if all(ends) else None
    rows.setdefault(t.get("arm") or "-", []).append((acc, wall))
def stat(xs, digits):
    xs = [x for x in xs if x is not None]
    if not xs:
        return "–"
    sd = f" ± {statistics.stdev(xs):.{digits}f}" if len(xs) > 1 else ""
    return f"{statistics.mean(xs):.{digits}f}{sd} (n={len(xs)})"
print()
print("| arm | final val_accuracy | wall time per trial (s) |")
print("|---|---|---|")
for arm, values in rows.items():
    print(f"| {arm} | {stat([a for a, _ in values], 4)} | {stat([w for _, w in values], 1)} |")
PY
