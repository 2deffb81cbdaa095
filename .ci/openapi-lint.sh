#!/usr/bin/env bash
# Lints openapi.yaml (or the file named as $1) with redocly (@redocly/cli, the exact version of
# tools/openapi-lint/package.json) and redocly.yaml: Redocly's recommended rules, warnings as errors. Exits non-zero on
# any problem. Installs the CLI with `npm ci` into tools/openapi-lint/node_modules only when that version is not
# there yet, so an offline rebuild reuses it. Needs Node 20.19+ and npm on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
spec="${1:-openapi.yaml}"
tool=tools/openapi-lint

want=$(node -p "require('./$tool/package.json').devDependencies['@redocly/cli']")
have=$(node -p "try { require('./$tool/node_modules/@redocly/cli/package.json').version } catch (e) { '' }")
if [ "$have" != "$want" ]; then
  (cd "$tool" && npm ci --no-audit --no-fund --ignore-scripts)
fi
"$tool/node_modules/.bin/redocly" lint --config redocly.yaml --format stylish "$spec"
