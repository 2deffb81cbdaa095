#!/usr/bin/env bash
# Descent's engine against PyTorch, side by side: for ROUNDS rounds (default 3) runs each Java benchmark and its
# PyTorch counterpart back to back, swapping the order every round, and prints every ratio Descent/PyTorch with its
# min/median/max. Throughput ratios (mlp, cnn): higher is better; time ratios (adam_step): lower is better.
# Every benchmark reports per-step medians on the measuring thread's CPU clock (the stable measure on a machine
# shared with other work) and, as *_wall, on the wall clock. The two-jobs ratios (two concurrent jobs' total
# samples/s over one job alone, wall and CPU clock) are Java only.
#
# Usage: bench/side-by-side.sh [ROUNDS]
# Environment: PYTHON (default /usr/bin/python3, Debian's python3-torch), JAVA_OPTS (extra JVM flags),
# EXTRA_CP (prepended to the classpath, e.g. an nd4j-native linux-x86_64-avx512 jar), STEPS (measured steps),
# BENCHES (which pairs, default "mlp cnn cnn_gn adam_step two_jobs").
set -euo pipefail

ROUNDS=${1:-3}
PYTHON=${PYTHON:-/usr/bin/python3}
STEPS=${STEPS:-60}
BENCHES=${BENCHES:-"mlp cnn cnn_gn adam_step two_jobs"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$ROOT"
mvn -o -q -pl engine test-compile
mvn -o -q -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="${EXTRA_CP:+$EXTRA_CP:}engine/target/test-classes:engine/target/classes:$(cat "$WORK/cp.txt")"
export OMP_NUM_THREADS=1

HAVE_TORCH=1
"$PYTHON" -c 'import torch' 2>/dev/null || { HAVE_TORCH=0; echo "no torch in $PYTHON: Java side only"; }

java_run() {   # class [JVM flags] -> RESULT lines
  local class=$1
  shift
  java ${JAVA_OPTS:-} -cp "$CP" -Dbench.steps="$STEPS" "$@" "dev.descent.engine.bench.$class" 2>/dev/null \
    | grep '^RESULT'
}

torch_run() {  # script [args] -> RESULT lines
  [ "$HAVE_TORCH" = 1 ] && "$PYTHON" "bench/$@" | grep '^RESULT'
}

want() {       # name -> whether BENCHES selects it
  [[ " $BENCHES " == *" $1 "* ]]
}

value() {      # name, file -> value
  awk -v n="$1" '$2 == n {print $3}' "$2"
}

pair() {       # round, name, java class[:JVM flag], torch script [args]
  local round=$1 name=$2 class=${3%%:*} flag=${3#*:} java="$WORK/java.txt" torch="$WORK/torch.txt"
  [ "$flag" = "$3" ] && flag=""
  shift 3
  if (( round % 2 )); then torch_run "$@" > "$torch" || true; java_run "$class" $flag > "$java"
  else java_run "$class" $flag > "$java"; torch_run "$@" > "$torch" || true; fi
  cat "$java" "$torch" | sed "s/^/  round $round: /"
  local metric j t
  for metric in "$name" "${name}_wall"; do
    j=$(value "$metric" "$java"); t=$(value "$metric" "$torch")
    if [ -n "$j" ] && [ -n "$t" ]; then
      echo "$metric $(awk -v j="$j" -v t="$t" 'BEGIN {printf "%.3f", j / t}')" >> "$WORK/ratios.txt"
    fi
  done
}

for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round/$ROUNDS ($(date +%T), load $(cut -d' ' -f1 /proc/loadavg))"
  want mlp && pair "$round" mlp MlpBench torch_mlp.py --steps "$STEPS"
  want cnn && pair "$round" cnn CnnBench torch_cnn.py --steps "$STEPS"
  want cnn_gn && pair "$round" cnn_gn CnnBench:-Dbench.norm=groupnorm torch_cnn.py --steps "$STEPS" --norm group
  want adam_step && pair "$round" adam_step AdamStepBench torch_adam_step.py
  if want two_jobs; then
    java_run TwoJobsBench | tee "$WORK/two.txt" | sed "s/^/  round $round: /"
    awk '{print $2, $3}' "$WORK/two.txt" >> "$WORK/ratios.txt"
  fi
done

echo "== ratios Descent/PyTorch (two_jobs: pair/alone), per round, then min median max"
for name in mlp mlp_wall cnn cnn_wall cnn_gn cnn_gn_wall adam_step two_jobs two_jobs_cpu; do
  awk -v n="$name" '$1 == n {print $2}' "$WORK/ratios.txt" | sort -g | awk -v n="$name" '
    {v[NR] = $1; all = all " " $1}
    END {if (NR) printf "%-10s %-28s min %.3f  median %.3f  max %.3f\n", n, all, v[1], v[int((NR + 1) / 2)], v[NR]}'
done
