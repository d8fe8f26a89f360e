# Temporal dev server (temporal CLI `server start-dev`), built from source with go install.

TEMPORAL_MODULE=github.com/temporalio/cli/cmd/temporal@v1.5.1

temporal_install() {
  [[ -x "$BIN_DIR/temporal" ]] && return 0
  info "note: building the Temporal CLI takes about 5 minutes the first time"
  go_install temporal "$TEMPORAL_MODULE" || die "temporal: go install failed"
}

temporal_health() {
  temporal operator cluster health --address "$HOST:$TEMPORAL_PORT" 2>/dev/null | grep -q SERVING &&
    temporal operator namespace describe --address "$HOST:$TEMPORAL_PORT" --namespace default >/dev/null 2>&1
}

# Prints `--search-attribute Name=Type` flags from search-attributes.txt (start-dev registers them).
temporal_search_attribute_flags() {
  local name type
  while read -r name type _; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    printf -- '--search-attribute\n%s=%s\n' "$name" "$type"
  done <"$STACK_LIB_DIR/search-attributes.txt"
}

temporal_running() { alive_pid temporal >/dev/null && port_open "$TEMPORAL_PORT"; }

temporal_start() {
  if temporal_running; then return 0; fi
  stop_background temporal
  ensure_port_free temporal "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT"
  mkdir -p "$STACK_DIR/temporal"
  local flags=()
  mapfile -t flags < <(temporal_search_attribute_flags)
  start_background temporal "$BIN_DIR/temporal" server start-dev --ip "$HOST" --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename "$STACK_DIR/temporal/temporal.db" --namespace default \
    --log-level warn "${flags[@]}"
  wait_ready temporal 90 temporal_health || die "temporal: cluster health did not report SERVING"
}

temporal_stop() { stop_background temporal; }

temporal_status() {
  local state=down
  temporal_running && temporal_health && state=up
  status_line temporal "$(go_binary_version "$BIN_DIR/temporal")" \
    "$HOST:$TEMPORAL_PORT (ui http://$HOST:$TEMPORAL_UI_PORT)" "$state"
  [[ $state == up ]]
}
