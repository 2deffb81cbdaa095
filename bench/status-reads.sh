#!/usr/bin/env bash
# Cheap status reads (issue #21): GET /api/v1/jobs/{id} of a finished job against GET /actuator/health of the same
# service, under the same load (wrk, CONNECTIONS connections, DURATION per run), side by side in one run: ROUNDS
# alternating rounds after a warm-up of both. Prints each run's req/s and p99, the medians, and
#   RESULT status_vs_health_ratio <x>   median job-read req/s over median health req/s (goal ≥ 0.5)
#   RESULT status_p99_ms <y>            median p99 latency of the job reads (goal < 50 ms)
#   RESULT health_p99_ms <z>            the same for /actuator/health
#   RESULT status_vs_health_cpu_ratio   the service's CPU time per request (JVM and PostgreSQL, from /proc), job read
#                                       over health: the cost ratio, which other load on the machine disturbs less
# The service (embedded PostgreSQL in a temporary folder, a free port) runs the iris example job first; the reads are
# of that job's resource. wrk and the service share the machine's cores: on a small machine the load generator takes
# CPU from the server, for both endpoints alike.
#
# Usage: bench/status-reads.sh [ROUNDS]   (default 3)
# Environment: DURATION (default 10s), CONNECTIONS (16), THREADS (wrk threads, 2), JAR (a built api/target/descent.jar
# to use instead of building one), JAVA_OPTS. Installs Debian's wrk when missing (root or sudo); builds the jar with
# `mvn -B -q -DskipTests package` (network access for Maven on a fresh repository).
set -euo pipefail

ROUNDS=${1:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVICE_PID=
trap '[ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID"; rm -rf "$WORK"' EXIT
cd "$ROOT"
. "$ROOT/bench/jobs.sh"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v wrk >/dev/null; then
  echo "installing wrk"
  as_root apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q wrk >/dev/null
fi
if [ -z "${JAR:-}" ]; then
  echo "== build"
  mvn -B -q -DskipTests package >/dev/null
  JAR=api/target/descent.jar
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://localhost:$PORT"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --descent.db.data-dir="$WORK/pg" \
  --descent.datasets.dir="$WORK/datasets" > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/service.log"; exit 1; }

run_job "$BASE" examples/iris-mlp.json "$WORK/job.json" 0.5
ID=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$WORK/job.json")
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "job $ID: $(curl -s "${CURL_AUTH[@]}" "$BASE/api/v1/jobs/$ID" | wc -c) bytes; health: $(curl -s "$BASE/actuator/health" | wc -c) bytes"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency, $ROUNDS rounds alternating"

# CPU seconds the service has used so far: the JVM and its embedded PostgreSQL (the postmaster, which runs detached,
# and its backends) with their child processes.
service_cpu() {
  python3 - "$SERVICE_PID" "$(head -1 "$WORK/pg/postmaster.pid")" <<'PY'
import os, sys
def children(pid):
    try:
        return [int(c) for t in os.listdir(f"/proc/{pid}/task")
                for c in open(f"/proc/{pid}/task/{t}/children").read().split()]
    except OSError:
        return []
todo, total = [int(pid) for pid in sys.argv[1:]], 0
while todo:
    pid = todo.pop()
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    except OSError:
        pass
    todo += children(pid)
print(total / os.sysconf("SC_CLK_TCK"))
PY
}

# load NAME PATH DURATION: one wrk run; appends "NAME req/s p99_ms cpu_us_per_request" to $WORK/runs.txt.
load() {
  local name=$1 path=$2 duration=$3 before after
  before=$(service_cpu)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency -H "Authorization: Bearer $DESCENT_KEY" \
    "$BASE$path" > "$WORK/wrk.txt"
  after=$(service_cpu)
  python3 - "$name" "$WORK/wrk.txt" "$before" "$after" >> "$WORK/runs.txt" <<'PY'
import re, sys
text = open(sys.argv[2]).read()
requests = int(re.search(r"(\d+) requests in", text).group(1))
cpu_us = (float(sys.argv[4]) - float(sys.argv[3])) * 1e6 / requests
rps = float(re.search(r"Requests/sec:\s*([\d.]+)", text).group(1))
value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)\b", text).groups()
p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
bad = re.search(r"Non-2xx or 3xx responses: \d+", text)
if bad:
    sys.exit(f"{sys.argv[1]}: {bad.group(0)}")
socket_errors = re.search(r"Socket errors: .*", text)
if socket_errors:  # an overloaded machine: reported, the run still counts
    print(f"  {sys.argv[1]}: {socket_errors.group(0)}", file=sys.stderr)
print(sys.argv[1], rps, p99, cpu_us)
PY
  [ "$name" = warmup ] || tail -1 "$WORK/runs.txt" \
    | awk '{printf "  %-7s %9.0f req/s  p99 %7.2f ms  service CPU %6.0f us/request\n", $1, $2, $3, $4}'
}

load warmup /actuator/health 5s
load warmup "/api/v1/jobs/$ID" 5s
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS (load $(cut -d' ' -f1 /proc/loadavg))"
  if [ $((round % 2)) = 1 ]; then
    load health /actuator/health "$DURATION"; load status "/api/v1/jobs/$ID" "$DURATION"
  else
    load status "/api/v1/jobs/$ID" "$DURATION"; load health /actuator/health "$DURATION"
  fi
done
python3 - "$WORK/runs.txt" <<'PY'
import statistics, sys
runs = [line.split() for line in open(sys.argv[1]) if not line.startswith("warmup")]
med = lambda name, col: statistics.median(float(r[col]) for r in runs if r[0] == name)
for name in ("health", "status"):
    print(f"median {name}: {med(name, 1):.0f} req/s, p99 {med(name, 2):.2f} ms, "
          f"service CPU {med(name, 3):.0f} us/request")
print(f"RESULT status_vs_health_ratio {med('status', 1) / med('health', 1):.3f}")
print(f"RESULT status_p99_ms {med('status', 2):.2f}")
print(f"RESULT health_p99_ms {med('health', 2):.2f}")
print(f"RESULT status_vs_health_cpu_ratio {med('status', 3) / med('health', 3):.3f}")
PY
