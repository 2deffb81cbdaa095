#!/usr/bin/env bash
# The online sparsity study through the API (docs/studies/online-sparsity.md): starts the service jar on a spare port
# with a fresh embedded database, submits one online job per (algorithm, L1 strength) on the study's synthetic sparse
# stream, waits for all, reads each job's final progressive_loss_avg and nonzero_fraction from the metrics endpoint,
# and rewrites the table between the api-table markers of the study.
# Usage: bench/study-online-sparsity.sh [port]   (needs api/target/descent.jar: mvn -B -q -pl api -am package -DskipTests)
# About 3 minutes on a busy 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/auth.sh
port="${1:-18187}"
base="http://localhost:${port}/api/v1"
study=docs/studies/online-sparsity.md
stream='{"name":"synthetic_sparse","samples":20000,"features":1000,"nonzeros":20,"density":0.2}'
data_dir="$(mktemp -d /tmp/descent-online-study-XXXXXX)"

java -Xmx2g -jar api/target/descent.jar --server.port="$port" --descent.db.data-dir="$data_dir/db" \
  --descent.workers.pool-size=2 >"$data_dir/service.log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; rm -rf "$data_dir"' EXIT
for _ in $(seq 1 120); do
  curl -sf "${CURL_AUTH[@]}" "$base/jobs?size=1" >/dev/null && break
  sleep 1
done

# algorithm, its base step size (the engine study's grid winner), then the L1 field and strengths
grid=(
  'tg|"eta":0.3,"k":10|gravity|0.0 0.001 0.003 0.01 0.03 0.1'
  'fobos|"eta":0.3|l1|0.0 0.001 0.003 0.01 0.03 0.1'
  'rda|"gamma":3.0|l1|0.0 0.001 0.003 0.01 0.03 0.1'
  'ftrl|"alpha":0.1,"beta":1.0,"l2":0.0|l1|0.0 1.0 10.0 30.0 100.0 300.0'
)
jobs=()
for row in "${grid[@]}"; do
  IFS='|' read -r algorithm rate field strengths <<<"$row"
  for strength in $strengths; do
    spec="{\"task\":\"online\",\"name\":\"study-$algorithm-$strength\",\"seed\":2026,\"stream\":$stream,
      \"learner\":{\"algorithm\":\"$algorithm\",$rate,\"$field\":$strength},\"reportEvery\":1000}"
    id="$(curl -sf "${CURL_AUTH[@]}" -H 'Content-Type: application/json' -d "$spec" "$base/jobs" | jq -r .id)"
    jobs+=("$id|$algorithm|$rate|$field=$strength")
  done
done

table="| algorithm | rate | L1 | mean progressive loss | final non-zero fraction | status |
|---|---|---|---|---|---|"
for job in "${jobs[@]}"; do
  IFS='|' read -r id algorithm rate l1 <<<"$job"
  status=QUEUED
  until [[ "$status" =~ ^(SUCCEEDED|FAILED|CANCELLED)$ ]]; do
    sleep 1
    status="$(curl -sf "${CURL_AUTH[@]}" "$base/jobs/$id" | jq -r .status)"
  done
  metrics="$(curl -sf "${CURL_AUTH[@]}" "$base/jobs/$id/metrics?names=progressive_loss_avg,nonzero_fraction&maxPoints=100000")"
  last() { jq -r --arg n "$1" '.series[] | select(.name == $n) | .points[-1].value' <<<"$metrics"; }
  rate="${rate//\"/}"
  row="$(printf '| %s | %s | %s | %.4f | %.3f | %s |' "$algorithm" "${rate//:/=}" "$l1" \
    "$(last progressive_loss_avg)" "$(last nonzero_fraction)" "$status")"
  table+=$'\n'"$row"
done

echo "$table"
STUDY_TABLE="$table" python3 - "$study" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
block = "<!-- api-table:start -->\n" + os.environ["STUDY_TABLE"] + "\n<!-- api-table:end -->"
text = re.sub(r"<!-- api-table:start -->.*<!-- api-table:end -->", lambda _: block, text, flags=re.S)
open(path, "w").write(text)
PY
