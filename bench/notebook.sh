#!/usr/bin/env bash
# The notebook test (.ci/notebook-test.sh: examples/notebook.ipynb executed by Jupyter, two iris jobs, two figures)
# against a running service: runs it RUNS + 1 times one after another (the first, which installs or checks the tools
# and warms the service up, is dropped) and prints the median, minimum and maximum wall time of the others
#   RESULT notebook_s <median> s (min <s>, max <s>)
#
# Usage: bench/notebook.sh BASE_URL [RUNS]   (RUNS default 3)
# The requests send DESCENT_KEY (default: descent-data/admin.key; bench/auth.sh).
set -euo pipefail
: "${1:?usage: bench/notebook.sh BASE_URL [RUNS]}"
. "$(dirname "$0")/auth.sh"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

spans=()
for run in $(seq 0 "${2:-3}"); do
  start=$EPOCHREALTIME
  DESCENT_URL=$1 DESCENT_API_KEY=$DESCENT_KEY bash "$(dirname "$0")/../.ci/notebook-test.sh" >"$log" 2>&1 || { cat "$log"; exit 1; }
  [ "$run" = 0 ] || spans+=("$start:$EPOCHREALTIME")
done
python3 - "${spans[@]}" <<'PY'
import statistics, sys
times = [float(end) - float(start) for start, end in (span.split(":") for span in sys.argv[1:])]
print(f"RESULT notebook_s {statistics.median(times):.1f} s (min {min(times):.1f}, max {max(times):.1f})")
PY
