#!/usr/bin/env bash
# `npm test`: on a fresh machine, installs what is missing, brings up the local stack
# (test databases apart from development data), then lints, type-checks and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
bash scripts/stack.sh up
bash scripts/scale.sh install # nginx, for the scale-out test
bash scripts/install-schemathesis.sh >/dev/null # the API fuzzer, for the OpenAPI fuzz test
# shellcheck source=scripts/test-env.sh
source scripts/test-env.sh
echo "› migrating the test database"
npx tsx packages/db/src/cli/migrate.ts
echo "› format"
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "› lint"
# Type-aware lint of the whole monorepo needs more than the default 4 GB heap.
NODE_OPTIONS="--max-old-space-size=8192" npx eslint --max-warnings 0 .
echo "› type-check"
npx turbo run typecheck --output-logs=errors-only
echo "› tests"
npx vitest run "$@"
echo "› npm test finished in $(( $(date +%s) - started )) s"
