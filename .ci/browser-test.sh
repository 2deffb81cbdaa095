#!/usr/bin/env bash
# Real-browser test of the dashboard: headless Chromium, driven through chromedriver, against the running service
# at $DESCENT_URL. Installs Debian's chromium and chromium-driver when missing. Screenshots land in target/ (the CI
# artifact) and the job page's also in docs/dashboard-job.png (shown by the README).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESCENT_URL:?set DESCENT_URL to the running service, e.g. http://localhost:8080}"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo_if_needed=""
  if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi
  $sudo_if_needed apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y chromium chromium-driver
fi

python3 api/src/test/browser/dashboard_test.py --url "$DESCENT_URL" --artifacts target \
  --readme-screenshot docs/dashboard-job.png
