#!/usr/bin/env bash
# `npm run fuzz`: the long schemathesis run against the REST API (every operation, as anonymous,
# customer, seller and admin), on the local stack's test databases. `npm test` runs a short one.
# Options: --max-examples N (per operation, default 100), --seed S, --role R (repeatable), --workers N.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/install-schemathesis.sh >/dev/null
bash scripts/stack.sh up
# shellcheck source=scripts/test-env.sh
source scripts/test-env.sh
npx tsx packages/db/src/cli/migrate.ts
exec npx tsx apps/api/src/openapi/fuzz/run-fuzz.ts "$@"
