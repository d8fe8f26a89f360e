#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (no browser download).
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "Chromium is missing: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi
echo "› installing Chromium for the browser tests (apt-get install chromium)"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
