# promtool (from Debian's prometheus package): checks the alerting rules in ops/alerts.yml.
# Not a daemon of the stack; the alert-rules test runs `promtool check rules`.
# Tests find it on PATH (env PROMTOOL_PATH overrides).

PROMTOOL_BIN="${PROMTOOL_PATH:-$(command -v promtool || echo /usr/bin/promtool)}"

promtool_install() {
  [[ -x "$PROMTOOL_BIN" ]] && return 0
  apt_install --no-install-recommends prometheus
}

promtool_start() { :; }

promtool_stop() { :; }

promtool_status() {
  local state=missing version=''
  if [[ -x "$PROMTOOL_BIN" ]]; then
    state=installed
    version="$("$PROMTOOL_BIN" --version 2>&1 | head -1 | awk '{print $3}')"
  fi
  status_line promtool "$version" "$PROMTOOL_BIN (run by tests)" "$state"
  [[ $state == installed ]]
}
