# Environment of a test run: the local stack, with test databases apart from development data
# (Postgres `emporium_test`, Redis DB 1). Sourced by scripts/test.sh; values already set win.
export NODE_ENV=test
export LOG_LEVEL="${LOG_LEVEL:-warn}"
export DATABASE_URL="${TEST_DATABASE_URL:-postgres://emporium:emporium@127.0.0.1:5432/emporium_test}"
export REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/1}"
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:7233}"
export TYPESENSE_URL="${TYPESENSE_URL-http://127.0.0.1:8108}"
export STRIPE_SECRET_KEY="${STRIPE_SECRET_KEY-sk_test_emporium}"
export STRIPE_API_URL="${STRIPE_API_URL-http://127.0.0.1:12111}"
export SMTP_URL="${SMTP_URL-smtp://127.0.0.1:1025}"
export MAILPIT_URL="${MAILPIT_URL:-http://127.0.0.1:8025}"
export WORKER_METRICS_PORT="${WORKER_METRICS_PORT:-0}"
# Personal data in tests is sealed with this fixed, public key: for test data only, never elsewhere.
export PII_ENCRYPTION_KEYS="${PII_ENCRYPTION_KEYS:-test:ZW1wb3JpdW0tdGVzdC1zdWl0ZS1waWkta2V5LTMyYnk=}"
export PII_ENCRYPTION_KEY_ID="${PII_ENCRYPTION_KEY_ID:-test}"
