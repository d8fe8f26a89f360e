#!/usr/bin/env bash
# Several API instances behind nginx, and several workers, on the local stack:
#   npm run scale -- up [--api N] [--workers M] [--port P]   (defaults: 3 APIs, 2 workers, port 4000)
#   npm run scale -- down | status | install   (install: only Debian's nginx, as npm test needs it)
# nginx listens on 127.0.0.1:P and balances round robin over API instances on P+1 … P+N; workers
# share one Temporal task queue (TEMPORAL_TASK_QUEUE, default emporium) and the outbox relay
# (rows are claimed with SKIP LOCKED). Each worker gets its own metrics port (9464 + i).
# STACK=docker runs nginx from docker-compose.yml (profile scale) instead of Debian's package.
# `npm run stack -- up` is unchanged and runs first; logs go to .stack/logs/{nginx,api-i,worker-i}.log.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=stack/lib.sh
source "$SCRIPT_DIR/stack/lib.sh"

APIS=3
WORKERS=2
LB_PORT="${API_PORT:-4000}"
NGINX_DIR="$STACK_DIR/nginx"
TSX="$REPO_ROOT/node_modules/.bin/tsx"

usage() {
  echo "usage: bash scripts/scale.sh up [--api N] [--workers M] [--port P] | down | status | install" >&2
  exit 2
}

parse_options() {
  while (($# > 0)); do
    case "$1" in
      --api) APIS="${2:?--api needs a number}"; shift 2 ;;
      --workers) WORKERS="${2:?--workers needs a number}"; shift 2 ;;
      --port) LB_PORT="${2:?--port needs a number}"; shift 2 ;;
      *) usage ;;
    esac
  done
  [[ "$APIS" =~ ^[1-9][0-9]*$ && "$WORKERS" =~ ^[0-9]+$ && "$LB_PORT" =~ ^[0-9]+$ ]] ||
    die "--api must be ≥ 1, --workers ≥ 0 and --port a port number"
}

nginx_install() {
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || apt_install nginx
}

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

# Renders scripts/scale/nginx.conf.template for upstream ports $1..$2 with file prefix $3 into $4.
render_nginx_conf() {
  local first="$1" last="$2" prefix="$3" out="$4" servers="" port
  for ((port = first; port <= last; port++)); do
    servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=2s;"$'\n'
  done
  mkdir -p "$NGINX_DIR"
  local template
  template="$(<"$SCRIPT_DIR/scale/nginx.conf.template")"
  template="${template//__PREFIX__/$prefix}"
  template="${template//__LISTEN_PORT__/$LB_PORT}"
  template="${template//__UPSTREAM_SERVERS__/${servers%$'\n'}}"
  printf '%s\n' "$template" >"$out"
}

api_healthy() { curl -fsS "http://$HOST:$1/healthz" >/dev/null; }

cmd_up() {
  parse_options "$@"
  bash "$SCRIPT_DIR/stack.sh" up >/dev/null
  nginx_install
  local i port
  for ((i = 1; i <= APIS; i++)); do
    port=$((LB_PORT + i))
    if ! alive_pid "api-$i" >/dev/null; then
      ensure_port_free "api-$i" "$port"
      (cd "$REPO_ROOT/apps/api" && API_PORT="$port" TRUST_PROXY=true start_background "api-$i" "$TSX" src/main.ts)
    fi
  done
  for ((i = 1; i <= WORKERS; i++)); do
    if ! alive_pid "worker-$i" >/dev/null; then
      (cd "$REPO_ROOT/apps/worker" && WORKER_METRICS_PORT=$((9464 + i)) \
        start_background "worker-$i" "$TSX" src/main.ts)
    fi
  done
  for ((i = 1; i <= APIS; i++)); do
    wait_ready "api-$i" 120 api_healthy $((LB_PORT + i)) || die "api-$i did not become healthy"
  done
  if [[ "${STACK:-}" == docker ]]; then
    # docker-compose.yml's nginx (profile scale) reads .stack/nginx/docker.conf; its files go to /tmp.
    render_nginx_conf $((LB_PORT + 1)) $((LB_PORT + APIS)) /tmp "$NGINX_DIR/docker.conf"
    docker compose -f "$REPO_ROOT/docker-compose.yml" --profile scale up -d --force-recreate nginx
  else
    render_nginx_conf $((LB_PORT + 1)) $((LB_PORT + APIS)) "$NGINX_DIR" "$NGINX_DIR/nginx.conf"
    stop_background nginx
    ensure_port_free nginx "$LB_PORT"
    start_background nginx "$(nginx_bin)" -p "$NGINX_DIR" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf"
  fi
  wait_ready nginx 20 api_healthy "$LB_PORT" || die "nginx did not start"
  printf 'scale: nginx on http://%s:%s → %s API instance(s) on ports %s-%s, %s worker(s)\n' \
    "$HOST" "$LB_PORT" "$APIS" $((LB_PORT + 1)) $((LB_PORT + APIS)) "$WORKERS"
}

# Every process this script started, by its pid file: nginx first, then APIs, then workers.
started_services() {
  local file
  [[ -f "$RUN_DIR/nginx.pid" ]] && echo nginx
  for file in "$RUN_DIR"/api-*.pid "$RUN_DIR"/worker-*.pid; do
    [[ -f "$file" ]] && basename "$file" .pid
  done
  return 0
}

cmd_down() {
  local service
  if [[ "${STACK:-}" == docker ]]; then
    docker compose -f "$REPO_ROOT/docker-compose.yml" --profile scale stop nginx
  fi
  for service in $(started_services); do
    stop_background "$service"
    printf 'scale: %-10s stopped\n' "$service"
  done
}

cmd_status() {
  local service state
  for service in $(started_services); do
    state=down
    alive_pid "$service" >/dev/null && state=up
    printf '%-10s %s\n' "$service" "$state"
  done
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  install) nginx_install ;;
  *) usage ;;
esac
