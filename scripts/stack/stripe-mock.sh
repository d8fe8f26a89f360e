# stripe-mock: Stripe's official API mock, built from source with go install.

STRIPE_MOCK_MODULE=github.com/stripe/stripe-mock@v0.197.0

stripe_mock_install() {
  [[ -x "$BIN_DIR/stripe-mock" ]] || go_install stripe-mock "$STRIPE_MOCK_MODULE" || die "stripe-mock: go install failed"
}

stripe_mock_health() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' -u sk_test_123: "http://$HOST:$STRIPE_MOCK_HTTP_PORT/v1/customers")" == 200 ]]
}

stripe_mock_running() { alive_pid stripe-mock >/dev/null && port_open "$STRIPE_MOCK_HTTP_PORT"; }

stripe_mock_start() {
  if stripe_mock_running; then return 0; fi
  stop_background stripe-mock
  ensure_port_free stripe-mock "$STRIPE_MOCK_HTTP_PORT" "$STRIPE_MOCK_HTTPS_PORT"
  start_background stripe-mock "$BIN_DIR/stripe-mock" \
    -http-addr "$HOST:$STRIPE_MOCK_HTTP_PORT" -https-addr "$HOST:$STRIPE_MOCK_HTTPS_PORT"
  wait_ready stripe-mock 30 stripe_mock_health || die "stripe-mock: GET /v1/customers did not answer 200"
}

stripe_mock_stop() { stop_background stripe-mock; }

stripe_mock_status() {
  local state=down
  stripe_mock_running && stripe_mock_health && state=up
  status_line stripe-mock "$(go_binary_version "$BIN_DIR/stripe-mock")" \
    "http://$HOST:$STRIPE_MOCK_HTTP_PORT (https :$STRIPE_MOCK_HTTPS_PORT)" "$state"
  [[ $state == up ]]
}
