#!/usr/bin/env bash
# Batch norm vs group norm across batch sizes (issue 8, after Wu & He 2018, table 1), run as ordinary jobs through
# the API: the same small CNN on a fixed Fashion-MNIST subset, same seed and samples seen, batch sizes 32..2.
# Usage: bench/study-batchnorm-groupnorm.sh [train-subset] [test-subset] [epochs]
# Needs api/target/descent.jar (mvn -o -q install -DskipTests) and the Fashion-MNIST IDX files in
# $DESCENT_FASHION_MNIST_DIR (default ../shared/datasets/fashion-mnist). Writes docs/studies/batchnorm-vs-groupnorm.md.
set -euo pipefail
cd "$(dirname "$0")/.."
TRAIN=${1:-2000}
TEST=${2:-2000}
EPOCHS=${3:-2}
PORT=${PORT:-18093}
export DESCENT_FASHION_MNIST_DIR=${DESCENT_FASHION_MNIST_DIR:-$(cd ../shared/datasets/fashion-mnist && pwd)}
BASE="http://localhost:$PORT/api/v1"
OUT=docs/studies/batchnorm-vs-groupnorm.md
DATA_DIR=$(mktemp -d)
PORT=$PORT java -Xmx3g -jar api/target/descent.jar --descent.db.data-dir="$DATA_DIR/postgres" \
  > "$DATA_DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE; wait $SERVICE 2>/dev/null; rm -rf "$DATA_DIR"' EXIT
until curl -sf "http://localhost:$PORT/actuator/health" > /dev/null; do sleep 2; done

spec() { # $1 norm layer JSON, $2 batch size
  cat <<JSON
{"name": "study-$2", "seed": 7,
 "dataset": {"name": "fashion_mnist", "trainSubset": $TRAIN, "testSubset": $TEST},
 "model": {"weightInit": "relu", "layers": [
   {"type": "conv2d", "filters": 16, "kernel": 3, "padding": "same", "activation": "identity"}, $1,
   {"type": "maxpool2d", "kernel": 2},
   {"type": "conv2d", "filters": 32, "kernel": 3, "padding": "same", "activation": "identity"}, $1,
   {"type": "globalavgpool"}, {"type": "output"}]},
 "optimizer": {"type": "sgd", "lr": 0.02, "momentum": 0.9}, "epochs": $EPOCHS, "batchSize": $2}
JSON
}
BN='{"type": "batchnorm", "activation": "relu"}'
GN='{"type": "groupnorm", "groups": 4, "activation": "relu"}'
declare -A JOBS
for b in 32 16 8 4 2; do
  for norm in BN GN; do
    JOBS[$norm-$b]=$(spec "${!norm}" "$b" | curl -sf -H 'Content-Type: application/json' --data-binary @- \
      "$BASE/jobs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  done
done
result() { # prints the validation error in % of a finished job, or waits
  while true; do
    job=$(curl -sf "$BASE/jobs/$1")
    status=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["status"])' "$job")
    case $status in
      SUCCEEDED) python3 -c 'import json,sys; m=json.loads(sys.argv[1])["latestMetrics"];
print("%.1f" % (100 * (1 - m["val_accuracy"])))' "$job"; return;;
      FAILED|CANCELLED) echo "$status"; return;;
    esac
    sleep 5
  done
}
{
  echo "# Batch norm vs group norm across batch sizes"
  echo
  echo "Validation error (%) on $TEST Fashion-MNIST test images after $EPOCHS epochs over $TRAIN training images"
  echo "(same samples seen at every batch size), seed 7, SGD lr 0.02 momentum 0.9, CNN conv16-norm-relu-pool-"
  echo "conv32-norm-relu-globalavgpool-softmax; group norm with 4 groups. Not tuned."
  echo
  echo "| batch size | batch norm | group norm |"
  echo "|---|---|---|"
  for b in 32 16 8 4 2; do
    echo "| $b | $(result "${JOBS[BN-$b]}") | $(result "${JOBS[GN-$b]}") |"
  done
  echo
  echo "Regenerate: \`bench/study-batchnorm-groupnorm.sh $TRAIN $TEST $EPOCHS\` (run on $(date -u +%F), $(nproc) cores)."
} > "$OUT"
cat "$OUT"
