# Shell functions the service benchmarks share (source it): submit a spec to a running service and wait for the job.
# Requests send the API key of bench/auth.sh (DESCENT_KEY).
. "$(dirname "${BASH_SOURCE[0]}")/auth.sh"

# run_job BASE SPEC_FILE OUT_JSON [POLL_SECONDS]: submits SPEC_FILE, waits until the job SUCCEEDED (exits 1 if it
# FAILED or was CANCELLED) and leaves the finished job resource in OUT_JSON.
run_job() {
  local base=$1 spec=$2 out=$3 poll=${4:-0.5} id status
  id=$(curl -sf "${CURL_AUTH[@]}" -H 'Content-Type: application/json' --data @"$spec" "$base/api/v1/jobs" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  while :; do
    curl -sf "${CURL_AUTH[@]}" "$base/api/v1/jobs/$id" > "$out"
    status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["status"])' "$out")
    case "$status" in SUCCEEDED) return 0 ;; FAILED | CANCELLED) echo "job $id $status" >&2; exit 1 ;; esac
    sleep "$poll"
  done
}
