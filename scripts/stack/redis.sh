# Redis 7: the Debian redis-server package, our own instance (not the system service).

redis_install() {
  command -v redis-server >/dev/null || apt_install redis-server
}

redis_version() { redis-server --version 2>/dev/null | sed -n 's/.* v=\([^ ]*\).*/\1/p'; }

redis_ping() { [[ "$(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

redis_running() { alive_pid redis >/dev/null && port_open "$REDIS_PORT"; }

redis_start() {
  if redis_running; then return 0; fi
  ensure_port_free redis "$REDIS_PORT"
  mkdir -p "$STACK_DIR/redis"
  redis-server --port "$REDIS_PORT" --bind "$HOST" --dir "$STACK_DIR/redis" \
    --appendonly yes --daemonize yes --pidfile "$RUN_DIR/redis.pid" --logfile "$LOG_DIR/redis.log" ||
    { log_tail redis; die "redis: redis-server failed to start"; }
  wait_ready redis 20 redis_ping || die "redis: not answering PING"
}

redis_stop() { stop_background redis; }

redis_status() {
  local state=down
  redis_running && redis_ping && state=up
  status_line redis "$(redis_version)" "redis://$HOST:$REDIS_PORT" "$state"
  [[ $state == up ]]
}
