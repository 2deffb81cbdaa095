#!/usr/bin/env bash
# Real-browser test of the dashboard: headless Chromium, driven through chromedriver, against the running service
# at $DESCENT_URL. Installs Debian's chromium and chromium-driver when missing. Screenshots land in target/ (the CI
# artifact); with DESCENT_README_SCREENSHOT=1 the job page's also replaces docs/dashboard-job.png (shown by the README).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESCENT_URL:?set DESCENT_URL to the running service, e.g. http://localhost:8080}"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo_if_needed=""
  if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi
  $sudo_if_needed apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y chromium chromium-driver
fi

readme=()
if [ "${DESCENT_README_SCREENSHOT:-0}" = 1 ]; then readme=(--readme-screenshot docs/dashboard-job.png); fi
mkdir -p api/target/browser
python3 api/src/test/browser/dashboard_test.py --url "$DESCENT_URL" --artifacts api/target/browser "${readme[@]}"
