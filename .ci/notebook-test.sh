#!/usr/bin/env bash
# Executes a notebook (examples/notebook.ipynb, or the one named as $1) top to bottom against the running service at
# $DESCENT_URL with the API key $DESCENT_API_KEY (the kernel inherits both); fails when a cell raises. Debian's
# python3 runs it: the tools (nbconvert, nbclient, ipykernel, matplotlib, pandas) come from apt when missing (root,
# or sudo); the client package (clients/python) is installed offline, without build isolation, into a venv over the
# system packages (api/target/notebook/venv), whose python is the kernel. The executed notebook (outputs and
# figures) lands in api/target/notebook/ under its own name, the CI artifact. Prints
# "notebook: N code cells executed, M figures, 0 unexecuted" when it all ran.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESCENT_URL:?set DESCENT_URL to the running service, e.g. http://localhost:8080}"
: "${DESCENT_API_KEY:?set DESCENT_API_KEY to a key of that service, e.g. \$(cat descent-data/admin.key)}"
export DESCENT_URL DESCENT_API_KEY
notebook="${1:-examples/notebook.ipynb}"

python=/usr/bin/python3
work=api/target/notebook
modules="nbconvert, nbclient, nbformat, ipykernel, matplotlib, pandas, setuptools, wheel, venv, ensurepip"
if [ ! -x "$python" ] || ! "$python" -c "import $modules" 2>/dev/null; then
  sudo_if_needed=""
  if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi
  $sudo_if_needed apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y --no-install-recommends \
    -o DPkg::Lock::Timeout=300 python3 python3-venv python3-setuptools python3-wheel \
    jupyter-nbconvert python3-nbclient python3-ipykernel python3-matplotlib python3-pandas
  "$python" -c "import $modules"
fi

mkdir -p "$work"
venv="$work/venv"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv --system-site-packages "$venv"
fi
# Built from a copy, so that the build leaves nothing in the source tree; --no-index: PyPI is never asked.
rm -rf "$work/client-src" && cp -r clients/python "$work/client-src"
"$venv/bin/python" -m pip install --quiet --no-index --no-build-isolation --force-reinstall --no-deps \
  "$work/client-src"

# A kernel of its own (the venv's python), found first through JUPYTER_PATH, whatever kernels the machine has.
kernel="$work/jupyter/kernels/descent-notebook-test"
mkdir -p "$kernel"
cat >"$kernel/kernel.json" <<JSON
{"argv": ["$PWD/$venv/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}",
          "--InteractiveShell.colors=NoColor"],
 "display_name": "Descent notebook test", "language": "python"}
JSON
export JUPYTER_PATH="$PWD/$work/jupyter"
export PYDEVD_DISABLE_FILE_VALIDATION=1   # no debugger warning about frozen modules in the log

executed="$work/$(basename "$notebook")"
rm -f "$executed"
"$venv/bin/python" -m nbconvert --to notebook --execute "$notebook" \
  --ExecutePreprocessor.kernel_name=descent-notebook-test --ExecutePreprocessor.timeout=600 \
  --output-dir "$work" --output "$(basename "$notebook")"

# What ran: every code cell has an execution count, and the figures are in the outputs; the committed notebook has none.
"$venv/bin/python" - "$notebook" "$executed" <<'PY'
import sys
import nbformat

source, executed = (nbformat.read(path, as_version=4) for path in sys.argv[1:3])
if any(cell.get("outputs") or cell.get("execution_count") for cell in source.cells if cell.cell_type == "code"):
    sys.exit(f"{sys.argv[1]} has outputs: commit it cleared (jupyter nbconvert --clear-output --inplace)")
code = [cell for cell in executed.cells if cell.cell_type == "code"]
unexecuted = [index for index, cell in enumerate(code) if cell.get("execution_count") is None]
figures = sum("image/png" in output.get("data", {}) for cell in code for output in cell.get("outputs", []))
print(f"notebook: {len(code)} code cells executed, {figures} figures, {len(unexecuted)} unexecuted")
sys.exit(1 if unexecuted else 0)
PY
