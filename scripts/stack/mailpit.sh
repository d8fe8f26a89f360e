# Mailpit: SMTP sink with a web UI and REST API, built from source with go install.

MAILPIT_MODULE=github.com/axllent/mailpit@v1.33.1
MAILPIT_FALLBACK_MODULE=github.com/axllent/mailpit@v1.27.11

mailpit_install() {
  [[ -x "$BIN_DIR/mailpit" ]] && return 0
  go_install mailpit "$MAILPIT_MODULE" || {
    warn "mailpit: $MAILPIT_MODULE failed to build; trying $MAILPIT_FALLBACK_MODULE"
    go_install mailpit "$MAILPIT_FALLBACK_MODULE"
  } || die "mailpit: go install failed"
}

mailpit_health() { curl -fsS "http://$HOST:$MAILPIT_HTTP_PORT/api/v1/info" | grep -q '"Version"'; }

mailpit_running() { alive_pid mailpit >/dev/null && port_open "$MAILPIT_HTTP_PORT"; }

mailpit_start() {
  if mailpit_running; then return 0; fi
  stop_background mailpit
  ensure_port_free mailpit "$MAILPIT_SMTP_PORT" "$MAILPIT_HTTP_PORT"
  mkdir -p "$STACK_DIR/mailpit"
  start_background mailpit "$BIN_DIR/mailpit" --database "$STACK_DIR/mailpit/mailpit.db" \
    --smtp "$HOST:$MAILPIT_SMTP_PORT" --listen "$HOST:$MAILPIT_HTTP_PORT" \
    --smtp-auth-accept-any --smtp-auth-allow-insecure --quiet
  wait_ready mailpit 30 mailpit_health || die "mailpit: /api/v1/info did not answer"
}

mailpit_stop() { stop_background mailpit; }

mailpit_status() {
  local state=down
  mailpit_running && mailpit_health && state=up
  status_line mailpit "$(go_binary_version "$BIN_DIR/mailpit")" \
    "http://$HOST:$MAILPIT_HTTP_PORT (smtp :$MAILPIT_SMTP_PORT)" "$state"
  [[ $state == up ]]
}
