#!/usr/bin/env bash
# `npm start`: installs dependencies, brings the local stack up, migrates, seeds on the first run,
# then runs the API, the worker and the web app together and prints every URL. Ctrl-C stops the apps
# (the stack keeps running; `npm run stack -- down` stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/stack.sh up
export TYPESENSE_URL="${TYPESENSE_URL-http://127.0.0.1:8108}"
export STRIPE_SECRET_KEY="${STRIPE_SECRET_KEY-sk_test_emporium}"
export STRIPE_API_URL="${STRIPE_API_URL-http://127.0.0.1:12111}"
export SMTP_URL="${SMTP_URL-smtp://127.0.0.1:1025}"
npx tsx packages/db/src/cli/migrate.ts
npx tsx packages/db/src/cli/seed.ts --if-empty

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop INT TERM EXIT

# Started directly (not through `npm run`), so that the stop signal reaches each process.
bin="$PWD/node_modules/.bin"
(cd apps/api && exec "$bin/tsx" src/main.ts) & pids+=($!)
(cd apps/worker && exec "$bin/tsx" src/main.ts) & pids+=($!)
(cd apps/web && exec "$bin/vite" --host 127.0.0.1 --port 5173 --strictPort) & pids+=($!)

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:${API_PORT:-4000}/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
cat <<URLS

  Emporium is running
  ─────────────────────────────────────────────
  Storefront      http://127.0.0.1:5173
  API (tRPC)      http://127.0.0.1:${API_PORT:-4000}/trpc   (probe: /healthz)
  Temporal UI     http://127.0.0.1:8233
  Mailpit         http://127.0.0.1:8025
  Typesense       http://127.0.0.1:8108
  stripe-mock     http://127.0.0.1:12111
  Ctrl-C stops the apps; \`npm run stack -- down\` stops the services.

URLS
wait -n "${pids[@]}"
