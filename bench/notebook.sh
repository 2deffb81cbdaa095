#!/usr/bin/env bash
# The notebook test (.ci/notebook-test.sh: examples/notebook.ipynb executed by Jupyter, two iris jobs, two figures)
# against a running service: runs it RUNS + 1 times one after another (the first, which installs or checks the tools
# and warms the service up, is dropped) and prints the median, minimum and maximum wall time of the others
#   RESULT notebook_s <median> s (min <s>, max <s>)
#
# Usage: bench/notebook.sh BASE_URL [RUNS]   (RUNS default 3)
set -euo pipefail

BASE=$1
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for run in $(seq 0 "$RUNS"); do
  start=$EPOCHREALTIME
  DESCENT_URL=$BASE bash "$ROOT/.ci/notebook-test.sh" > "$WORK/run.log" 2>&1 || { cat "$WORK/run.log"; exit 1; }
  [ "$run" = 0 ] || echo "$start $EPOCHREALTIME" >> "$WORK/times.txt"
done
python3 - "$WORK/times.txt" <<'PY'
import statistics, sys
times = [float(end) - float(start) for start, end in (line.split() for line in open(sys.argv[1]))]
print(f"RESULT notebook_s {statistics.median(times):.1f} s (min {min(times):.1f}, max {max(times):.1f})")
PY
