#!/usr/bin/env bash
# Real-browser test of the dashboard: Playwright (npm playwright-core, never a browser download) driving Debian's
# headless chromium, against the running service at $DESCENT_URL with the key $DESCENT_API_KEY. Installs chromium (and Node.js) with apt when
# missing, and playwright-core, at the version of api/src/test/browser/package-lock.json, into
# api/target/browser-node. Screenshots land in api/target/browser (the CI artifact); with DESCENT_README_SCREENSHOT=1
# the job page's also replaces docs/dashboard-job.png (shown by the README).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESCENT_URL:?set DESCENT_URL to the running service, e.g. http://localhost:8080}"
: "${DESCENT_API_KEY:?set DESCENT_API_KEY to a key of that service, e.g. \$(cat descent-data/admin.key)}"

if ! command -v chromium >/dev/null || ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  sudo_if_needed=""
  if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi
  $sudo_if_needed apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y chromium nodejs npm
fi

node_dir=api/target/browser-node
mkdir -p "$node_dir"
if ! cmp -s api/src/test/browser/package-lock.json "$node_dir/package-lock.json" \
    || [ ! -d "$node_dir/node_modules/playwright-core" ]; then
  cp api/src/test/browser/package.json api/src/test/browser/package-lock.json "$node_dir/"
  (cd "$node_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

readme=()
if [ "${DESCENT_README_SCREENSHOT:-0}" = 1 ]; then readme=(--readme-screenshot docs/dashboard-job.png); fi
mkdir -p api/target/browser
CHROMIUM="$(command -v chromium)" NODE_PATH="$node_dir/node_modules" \
  node api/src/test/browser/dashboard-test.cjs --url "$DESCENT_URL" --key "$DESCENT_API_KEY" --artifacts api/target/browser "${readme[@]}"
