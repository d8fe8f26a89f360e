#!/usr/bin/env bash
# Installs the pinned schemathesis (the API fuzzer, from PyPI) into its own Python venv under
# ~/.cache/emporium, unless that version is already there. Prints the path of its `st` command
# on stdout (progress goes to stderr). Needs Python >= 3.10 (`PYTHON` picks the interpreter).
set -euo pipefail
VERSION=4.32.5
venv="${XDG_CACHE_HOME:-$HOME/.cache}/emporium/schemathesis-$VERSION"
st="$venv/bin/st"
installed() { [ -x "$st" ] && "$st" --version 2>/dev/null | grep -qx "st, version $VERSION"; }

mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9
if ! installed; then
  python="${PYTHON:-python3}"
  if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
    echo "schemathesis needs Python >= 3.10 with venv: install it or set PYTHON." >&2
    exit 1
  fi
  echo "› installing schemathesis $VERSION into $venv" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
  installed || { echo "schemathesis $VERSION did not install in $venv" >&2; exit 1; }
fi
echo "$st"
