# Temporal's Java time-skipping test server: not a daemon; tests start it on demand through the launcher
# (@temporalio/testing runs `<launcher> <port>`, plus any extraArgs such as --enable-time-skipping).

TEMPORAL_TEST_SERVER_VERSION=1.31.0
TEMPORAL_TEST_SERVER_HOME="$CACHE_DIR/temporal-test-server"
TEMPORAL_TEST_SERVER_BIN="$BIN_DIR/temporal-test-server"

temporal_test_server_installed() {
  [[ -x "$TEMPORAL_TEST_SERVER_BIN" ]] &&
    [[ -f "$TEMPORAL_TEST_SERVER_HOME/lib/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION.jar" ]]
}

temporal_test_server_install() {
  temporal_test_server_installed && return 0
  command -v java >/dev/null || apt_install openjdk-17-jre-headless
  command -v mvn >/dev/null || apt_install maven
  info "resolving io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION from Maven Central"
  rm -rf "$TEMPORAL_TEST_SERVER_HOME/lib"
  mvn -q -B -f "$STACK_LIB_DIR/temporal-test-server/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$TEMPORAL_TEST_SERVER_HOME/lib" \
    >"$LOG_DIR/install-temporal-test-server.log" 2>&1 ||
    { tail -n 25 "$LOG_DIR/install-temporal-test-server.log" >&2; die "temporal-test-server: mvn failed"; }
  # exec keeps the pid, so the SDK's kill on shutdown reaches the JVM itself.
  cat >"$TEMPORAL_TEST_SERVER_BIN" <<LAUNCHER
#!/usr/bin/env bash
# Temporal time-skipping test server $TEMPORAL_TEST_SERVER_VERSION; usage: temporal-test-server <port> [--enable-time-skipping]
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '$TEMPORAL_TEST_SERVER_HOME/lib/*' io.temporal.testserver.TestServer "\$@"
LAUNCHER
  chmod +x "$TEMPORAL_TEST_SERVER_BIN"
}

temporal_test_server_start() { :; }

temporal_test_server_stop() { :; }

temporal_test_server_status() {
  local state=missing
  temporal_test_server_installed && state=installed
  status_line temporal-test-server "$TEMPORAL_TEST_SERVER_VERSION" "${TEMPORAL_TEST_SERVER_BIN/#"$HOME"/\~}" "$state"
  [[ $state == installed ]]
}
