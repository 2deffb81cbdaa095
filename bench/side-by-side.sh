#!/usr/bin/env bash
# Descent against PyTorch on the same core, side by side, as a user would run it on a fresh machine.
#
# For ROUNDS rounds (default 3) runs each Java benchmark and its PyTorch counterpart back to back, swapping which goes
# first every round, then prints every ratio Descent/PyTorch with its min/median/max:
#   mlp             784-1024-256-10 MLP, batch 64, Adam, on unlearnable noise (an IDX folder both sides read)
#   mlp_converging  the same on 640 Fashion-MNIST images, memorised: the loss goes to zero (subnormal numbers)
#   cnn             the small CNN of CnnBench / torch_cnn.py (batch norm); cnn_gn the same with group norm (4 groups)
#   adam_step       one Adam step on 10M parameters (time ratio: lower is better)
#   tiny            examples/iris-mlp.json through the running service (warm) against the same training in PyTorch
#                   (speed ratio: PyTorch's seconds over Descent's); claim_ms, submit to claim, is printed as is
#   two_jobs        two concurrent MlpBench jobs' total samples/s over one job alone (Java only)
#   loop            bare MultiLayerNetwork.fit samples/s over TrainingEngine.run's on the same job (Java only, ≤ 1.1)
# Throughput figures are medians on the measuring thread's CPU clock (stable on a shared machine); *_wall beside.
#
# The peer: Debian's python3-torch WITH libopenblas0-pthread (without it Debian's torch runs on the reference BLAS,
# 10x slower); both, and dataset-fashion-mnist, are installed when missing (root or sudo). Each side gets its best
# BLAS kernel: Descent chooses its own (dev.descent.engine.platform); PyTorch's OpenBLAS gets SkylakeX on AVX-512
# CPUs (faster there than what it detects). The CPU, the ND4J build and both OpenBLAS kernels are printed.
#
# Usage: bench/side-by-side.sh [ROUNDS]
# Environment: PYTHON (default /usr/bin/python3), STEPS (measured steps, default 300), JAVA_OPTS, SKIP_TINY=1,
# BENCHES (which pairs, default "mlp mlp_converging cnn cnn_gn adam_step two_jobs loop tiny").
set -euo pipefail

ROUNDS=${1:-3}
PYTHON=${PYTHON:-/usr/bin/python3}
STEPS=${STEPS:-300}
BENCHES=${BENCHES:-"mlp mlp_converging cnn cnn_gn adam_step two_jobs loop tiny"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
FMNIST=/usr/share/datasets/fashion-mnist
SERVICE_PID=
trap '[ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$ROOT"
. bench/auth.sh # the service started below registers DESCENT_KEY as its admin key

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_peer() {
  local missing=""
  "$PYTHON" -c 'import torch' 2>/dev/null || missing="python3-torch"
  dpkg -s libopenblas0-pthread >/dev/null 2>&1 || missing="$missing libopenblas0-pthread"
  [ -f "$FMNIST/train-images-idx3-ubyte.gz" ] || missing="$missing dataset-fashion-mnist"
  if [ -n "$missing" ]; then
    echo "installing:$missing"
    as_root apt-get update -q >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null
  fi
}

# PyTorch's BLAS: the library its matrix products load, and its kernel; refuses the reference BLAS.
torch_blas() {
  "$PYTHON" - <<'PY'
import ctypes, os, sys
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch
torch.mm(torch.randn(64, 64), torch.randn(64, 64))
paths = sorted({l.split()[-1] for l in open("/proc/self/maps") if "blas" in l.split()[-1]})
for path in paths:
    try:
        lib = ctypes.CDLL(path)
        lib.openblas_get_corename.restype = ctypes.c_char_p
        print(f"torch {torch.__version__} blas={os.path.realpath(path)} openblas_core={lib.openblas_get_corename().decode()}")
        sys.exit(0)
    except (OSError, AttributeError):
        pass
sys.exit(f"PyTorch runs on a BLAS that is not OpenBLAS ({paths}): install libopenblas0-pthread")
PY
}

install_peer
if grep -qw avx512f /proc/cpuinfo && [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  TORCH_ENV="OPENBLAS_CORETYPE=SkylakeX"
else
  TORCH_ENV="OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-}"
fi
export OMP_NUM_THREADS=1

echo "== build"
mvn -B -q -pl engine test-compile
mvn -B -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="engine/target/test-classes:engine/target/classes:$(cat "$WORK/cp.txt")"
"$PYTHON" bench/idx.py noise "$WORK/noise" $(( (STEPS + 100) * 64 ))

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc --all) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
env $TORCH_ENV bash -c "$(declare -f torch_blas); PYTHON=$PYTHON torch_blas" | sed "s/$/ (${TORCH_ENV})/"

java_run() {   # class, properties... -> RESULT and PLATFORM lines
  local class=$1
  shift
  java ${JAVA_OPTS:-} -cp "$CP" -Dbench.steps="$STEPS" "$@" "dev.descent.engine.bench.$class" 2>/dev/null \
    | grep '^RESULT\|^PLATFORM'
}

torch_run() {  # script [args]
  env $TORCH_ENV "$PYTHON" "bench/$@" | grep '^RESULT'
}

want() {       # name -> whether BENCHES selects it
  [[ " $BENCHES " == *" $1 "* ]]
}

value() {      # name, file -> value
  awk -v n="$1" '$1 == "RESULT" && $2 == n {print $3}' "$2"
}

ratio() {      # name, numerator file, denominator file
  local a b
  a=$(value "$1" "$2"); b=$(value "$1" "$3")
  if [ -n "$a" ] && [ -n "$b" ]; then
    echo "$1 $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a / b}')" >> "$WORK/ratios.txt"
  fi
}

pair() {       # round, name, "java class and properties", torch script and args...
  local round=$1 name=$2 java_args=$3 java="$WORK/java.txt" torch="$WORK/torch.txt"
  shift 3
  if (( round % 2 )); then torch_run "$@" > "$torch" || true; java_run $java_args > "$java" || true
  else java_run $java_args > "$java" || true; torch_run "$@" > "$torch" || true; fi
  grep -q '^RESULT' "$java" || echo "  round $round: $name: the Java side printed no result"
  grep -q '^RESULT' "$torch" || echo "  round $round: $name: the PyTorch side printed no result"
  grep '^PLATFORM' "$java" | sort -u >> "$WORK/platform.txt" || true
  grep -h 'late_over_early' "$java" | sed "s/^RESULT/java /" >> "$WORK/late.txt" || true
  grep -h 'late_over_early' "$torch" | sed "s/^RESULT/torch/" >> "$WORK/late.txt" || true
  grep '^RESULT' "$java" | sed "s/^/  round $round java:  /"
  grep '^RESULT' "$torch" | sed "s/^/  round $round torch: /"
  ratio "$name" "$java" "$torch"
  ratio "${name}_wall" "$java" "$torch"
}

if [ "${SKIP_TINY:-0}" != 1 ] && want tiny; then
  mvn -B -q -DskipTests -Dcheckstyle.skip package >/dev/null
  PORT=18097
  java -jar api/target/descent.jar --server.port=$PORT --descent.db.data-dir="$WORK/pg" \
    --descent.datasets.dir="$WORK/datasets" > "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
fi

for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS ($(date +%T), load $(cut -d' ' -f1 /proc/loadavg))"
  want mlp && pair "$round" mlp "MlpBench -Dbench.idx=$WORK/noise" torch_mlp.py --steps "$STEPS" --idx "$WORK/noise"
  want mlp_converging && pair "$round" mlp_converging \
    "MlpBench -Dbench.idx=$FMNIST -Dbench.subset=640 -Dbench.name=mlp_converging" \
    torch_mlp.py --steps "$STEPS" --idx "$FMNIST" --subset 640 --name mlp_converging
  want cnn && pair "$round" cnn CnnBench torch_cnn.py --steps 60
  want cnn_gn && pair "$round" cnn_gn "CnnBench -Dbench.norm=groupnorm" torch_cnn.py --steps 60 --norm group
  want adam_step && pair "$round" adam_step AdamStepBench torch_adam_step.py
  if want two_jobs; then
    java_run TwoJobsBench | tee "$WORK/two.txt" | sed "s/^/  round $round java:  /" || true
    awk '$1 == "RESULT" {print $2, $3}' "$WORK/two.txt" >> "$WORK/ratios.txt"
  fi
  if want loop; then
    java_run LoopOverheadBench | tee "$WORK/loop.txt" | sed "s/^/  round $round java:  /" || true
    awk '$1 == "RESULT" && $2 == "loop" {print $2, $3}' "$WORK/loop.txt" >> "$WORK/ratios.txt"
  fi
  if [ -n "$SERVICE_PID" ]; then
    bench/service-tiny.sh "http://localhost:$PORT" 3 > "$WORK/java.txt" || true
    torch_run torch_iris.py --runs 3 > "$WORK/torch.txt"
    sed "s/^/  round $round java:  /" "$WORK/java.txt"; sed "s/^/  round $round torch: /" "$WORK/torch.txt"
    ratio tiny "$WORK/torch.txt" "$WORK/java.txt"
    echo "claim_ms $(value claim_ms "$WORK/java.txt")" >> "$WORK/ratios.txt"
  fi
done

echo "== platform"
sort -u "$WORK/platform.txt" | sed 's/^PLATFORM //'
echo "== ratios Descent/PyTorch (adam_step: time, lower is better; tiny: speed; two_jobs: pair/alone; claim_ms: ms)"
for name in mlp mlp_wall mlp_converging mlp_converging_wall cnn cnn_wall cnn_gn cnn_gn_wall adam_step tiny claim_ms \
    two_jobs two_jobs_cpu \
    loop; do
  awk -v n="$name" '$1 == n {print $2}' "$WORK/ratios.txt" | sort -g | awk -v n="$name" '
    {v[NR] = $1; all = all " " $1}
    END {if (NR) printf "%-20s %-28s min %.3f  median %.3f  max %.3f\n", n, all, v[1], v[int((NR + 1) / 2)], v[NR]}'
done
echo "== slowdown as training goes on: last third's median step time over the first third's (1.0 = none)"
sort "$WORK/late.txt" | awk '{k = $1 " " $2; v[k] = v[k] " " $3} END {for (k in v) print k ":" v[k]}' | sort
