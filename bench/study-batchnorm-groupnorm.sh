#!/usr/bin/env bash
# Batch norm vs group norm across batch sizes (issue 8, after Wu & He 2018, table 1), run as ordinary jobs through
# the API: the same small CNN on a fixed Fashion-MNIST subset, same seed and samples seen, batch sizes 32..2.
# Usage: bench/study-batchnorm-groupnorm.sh [train-subset] [test-subset] [epochs] [seeds] [base-lr]
# The learning rate follows the linear scaling rule Wu & He use for their batch-size table (lr = base-lr * B / 32).
# Needs api/target/descent.jar (mvn -B -q install -DskipTests) and the Fashion-MNIST IDX files in
# $DESCENT_FASHION_MNIST_DIR (default /usr/share/datasets/fashion-mnist, Debian's dataset-fashion-mnist). Writes docs/studies/batchnorm-vs-groupnorm.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/auth.sh
TRAIN=${1:-10000}
TEST=${2:-10000}
EPOCHS=${3:-3}
SEEDS=${4:-2}
BASE_LR=${5:-0.05}
SIZES=${SIZES:-32 16 8 4 2}
FIRST_SEED=${FIRST_SEED:-7}
LAST_SEED=$((FIRST_SEED + SEEDS - 1))
PORT=${PORT:-18093}
export DESCENT_FASHION_MNIST_DIR=${DESCENT_FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
BASE="http://localhost:$PORT/api/v1"
OUT=${OUT:-docs/studies/batchnorm-vs-groupnorm.md}
DATA_DIR=$(mktemp -d)
PORT=$PORT java -Xmx3g -jar "${JAR:-api/target/descent.jar}" --descent.db.data-dir="$DATA_DIR/postgres" \
  > "$DATA_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE; wait $SERVICE 2>/dev/null; rm -rf "$DATA_DIR"' EXIT
until curl -sf "http://localhost:$PORT/actuator/health" > /dev/null; do sleep 2; done

spec() { # $1 norm layer JSON, $2 batch size, $3 seed
  lr=$(python3 -c "print($BASE_LR * $2 / 32)")
  cat <<JSON
{"name": "study-$2-seed$3", "seed": $3,
 "dataset": {"name": "fashion_mnist", "trainSubset": $TRAIN, "testSubset": $TEST},
 "model": {"weightInit": "relu", "layers": [
   {"type": "conv2d", "filters": 16, "kernel": 3, "padding": "same", "activation": "identity"}, $1,
   {"type": "maxpool2d", "kernel": 2},
   {"type": "conv2d", "filters": 32, "kernel": 3, "padding": "same", "activation": "identity"}, $1,
   {"type": "maxpool2d", "kernel": 2}, {"type": "flatten"}, {"type": "output"}]},
 "optimizer": {"type": "sgd", "lr": $lr, "momentum": 0.9}, "epochs": $EPOCHS, "batchSize": $2}
JSON
}
BN='{"type": "batchnorm", "activation": "relu"}'
GN='{"type": "groupnorm", "groups": 4, "activation": "relu"}'
declare -A JOBS
for seed in $(seq $FIRST_SEED $LAST_SEED); do
  for b in $SIZES; do
    for norm in BN GN; do
      JOBS[$norm-$b-$seed]=$(spec "${!norm}" "$b" "$seed" | curl -sf "${CURL_AUTH[@]}" -H 'Content-Type: application/json' \
        --data-binary @- "$BASE/jobs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    done
  done
done
error() { # prints the validation error in % of a finished job, waiting for it
  while true; do
    job=$(curl -sf "${CURL_AUTH[@]}" "$BASE/jobs/$1")
    status=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["status"])' "$job")
    case $status in
      SUCCEEDED) python3 -c 'import json,sys; m=json.loads(sys.argv[1])["latestMetrics"];
print("%.2f" % (100 * (1 - m["val_accuracy"])))' "$job"; return;;
      FAILED|CANCELLED) echo "$status"; return;;
    esac
    sleep 10
  done
}
cell() { # $1 norm, $2 batch size: mean ± sample sd over the seeds, then the single runs
  local errors=()
  for seed in $(seq $FIRST_SEED $LAST_SEED); do errors+=("$(error "${JOBS[$1-$2-$seed]}")"); done
  python3 - "${errors[@]}" <<'PY'
import statistics, sys
xs = sys.argv[1:]
try:
    v = [float(x) for x in xs]
    sd = " ± %.1f" % statistics.stdev(v) if len(v) > 1 else ""
    print("%.1f%s (%s)" % (statistics.mean(v), sd, ", ".join("%.1f" % x for x in v)))
except ValueError:
    print(" / ".join(xs))
PY
}
START=$(date +%s)
{
  echo "# Batch norm vs group norm across batch sizes"
  echo
  echo "Validation error (%) on $TEST Fashion-MNIST test images after $EPOCHS epochs over $TRAIN training images"
  echo "(same samples seen at every batch size), seeds $FIRST_SEED..$LAST_SEED (mean ± sample standard deviation, then each"
  echo "seed's value), SGD with momentum 0.9 and the linear scaling rule lr = $BASE_LR · B/32, CNN"
  echo "conv16-norm-relu-maxpool-conv32-norm-relu-maxpool-flatten-softmax (3×3 kernels, same padding); group norm with 4 groups. Not tuned."
  echo
  echo "| batch size | batch norm | group norm |"
  echo "|---|---|---|"
  for b in $SIZES; do
    echo "| $b | $(cell BN "$b") | $(cell GN "$b") |"
  done
  echo
  echo "Regenerate: \`SIZES=\"$SIZES\" FIRST_SEED=$FIRST_SEED bench/study-batchnorm-groupnorm.sh $TRAIN $TEST $EPOCHS $SEEDS"
  echo "$BASE_LR\` (run on"
  echo "$(date -u +%F), $(nproc) cores, $(( ($(date +%s) - START) / 60 )) minutes for all jobs)."
} > "$OUT.new"
mv "$OUT.new" "$OUT"
cat "$OUT"
