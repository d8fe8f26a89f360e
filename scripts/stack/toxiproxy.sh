# Toxiproxy: a TCP proxy that injects faults (latency, timeouts, resets), built from source with
# go install. Not a daemon of the stack: the fault tests and `npm run bench -- faults` start it on a
# free port and put it between the app and Postgres, Redis, Temporal and the payment gateway.
# Tests find it at $BIN_DIR/toxiproxy-server (env TOXIPROXY_SERVER_PATH overrides).

TOXIPROXY_MODULE=github.com/Shopify/toxiproxy/v2/cmd/server@v2.9.0
TOXIPROXY_BIN="$BIN_DIR/toxiproxy-server"

toxiproxy_install() {
  [[ -x "$TOXIPROXY_BIN" ]] && return 0
  # The module's command is named `server`; build it aside and install it under a telling name.
  local build_dir="$CACHE_DIR/build-toxiproxy"
  mkdir -p "$build_dir"
  BIN_DIR="$build_dir" go_install toxiproxy-server "$TOXIPROXY_MODULE" || die "toxiproxy: go install failed"
  mv "$build_dir/server" "$TOXIPROXY_BIN"
  rmdir "$build_dir"
}

toxiproxy_start() { :; }

toxiproxy_stop() { :; }

toxiproxy_status() {
  local state=missing
  [[ -x "$TOXIPROXY_BIN" ]] && state=installed
  status_line toxiproxy "$(go_binary_version "$TOXIPROXY_BIN")" "${TOXIPROXY_BIN/#"$HOME"/\~} (started by tests)" "$state"
  [[ $state == installed ]]
}
