# Shared helpers for scripts/stack.sh and scripts/stack/<service>.sh (sourced, not executed).

STACK_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$STACK_LIB_DIR/../.." && pwd)"
STACK_DIR="$REPO_ROOT/.stack"
LOG_DIR="$STACK_DIR/logs"
RUN_DIR="$STACK_DIR/run"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/emporium"
BIN_DIR="$CACHE_DIR/bin"
HOST=127.0.0.1
# shellcheck source=ports.env
source "$STACK_LIB_DIR/ports.env"

mkdir -p "$LOG_DIR" "$RUN_DIR" "$BIN_DIR"
export PATH="$BIN_DIR:$PATH:/usr/local/go/bin"

info() { printf '  %s\n' "$*" >&2; }
warn() { printf 'stack: %s\n' "$*" >&2; }
die() { printf 'stack: error: %s\n' "$*" >&2; exit 1; }

# Prints the last lines of a service log, to explain a failed start.
log_tail() {
  local file="$LOG_DIR/$1.log"
  if [[ -f "$file" ]]; then
    printf -- '--- last lines of %s ---\n' "${file#"$REPO_ROOT"/}" >&2
    tail -n 25 "$file" >&2
    printf -- '---\n' >&2
  fi
}

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# True while a process exists and is not a zombie waiting for its (adoptive) parent to reap it.
pid_running() {
  kill -0 "$1" 2>/dev/null || return 1
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null || true)"
  [[ "${stat##*) }" != Z* ]]
}

# Reads the pid file of a service; prints the pid when that process is alive.
alive_pid() {
  local file="$RUN_DIR/$1.pid" pid
  [[ -f "$file" ]] || return 1
  pid="$(head -n 1 "$file" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && pid_running "$pid" || return 1
  printf '%s\n' "$pid"
}

# Fails with a clear message when a port is taken by a process that is not ours.
ensure_port_free() {
  local service="$1" port
  shift
  for port in "$@"; do
    if port_open "$port"; then
      die "$service: port $port is already in use by a process this stack did not start for $service; stop it first"
    fi
  done
}

# Polls a check command every 0.25 s until it succeeds or <timeout> seconds pass; then shows the log.
wait_ready() {
  local service="$1" timeout="$2"
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      warn "$service did not become ready within ${timeout}s"
      log_tail "$service"
      return 1
    fi
    if [[ -f "$RUN_DIR/$service.pid" ]] && ! alive_pid "$service" >/dev/null; then
      warn "$service exited during start-up"
      log_tail "$service"
      return 1
    fi
    sleep 0.25
  done
}

# Starts a command in the background, detached from the terminal, logging to .stack/logs/<service>.log.
start_background() {
  local service="$1"
  shift
  printf '\n=== %s starting %s ===\n' "$(date -u +%FT%TZ)" "$service" >>"$LOG_DIR/$service.log"
  nohup setsid "$@" >>"$LOG_DIR/$service.log" 2>&1 </dev/null &
  printf '%s\n' "$!" >"$RUN_DIR/$service.pid"
}

# Sends SIGTERM to a service started by start_background and waits (SIGKILL after 20 s).
stop_background() {
  local service="$1" pid i
  if pid="$(alive_pid "$service")"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 80; i++)); do
      pid_running "$pid" || break
      sleep 0.25
    done
    if pid_running "$pid"; then
      warn "$service (pid $pid) ignored SIGTERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN_DIR/$service.pid"
}

# Builds a Go binary into the cache: go_install <binary> <module>@<version>.
go_install() {
  local binary="$1" module="$2"
  command -v go >/dev/null || die "$binary: Go is required to build it (https://go.dev/dl/), or put a '$binary' binary in $BIN_DIR"
  info "building $module with go install (first time only; this can take several minutes)"
  local started=$SECONDS
  if ! GOBIN="$BIN_DIR" CGO_ENABLED=0 go install "$module" >"$LOG_DIR/install-$binary.log" 2>&1; then
    tail -n 25 "$LOG_DIR/install-$binary.log" >&2
    return 1
  fi
  info "built $binary in $((SECONDS - started))s"
}

# Prints the module version a Go binary was built from (e.g. v1.5.1).
go_binary_version() {
  go version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'
}

# Installs Debian packages when apt-get is available, refreshing the index only if the first try fails.
apt_install() {
  command -v apt-get >/dev/null || die "please install these packages: $*"
  local sudo=()
  [[ $EUID -eq 0 ]] || sudo=(sudo)
  info "apt-get install $*"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >"$LOG_DIR/install-apt.log" 2>&1 ||
    { "${sudo[@]}" apt-get update -q >>"$LOG_DIR/install-apt.log" 2>&1 &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$LOG_DIR/install-apt.log" 2>&1; } ||
    { tail -n 20 "$LOG_DIR/install-apt.log" >&2; return 1; }
}

# One status line: name, version, URL, up/down.
status_line() {
  printf '%-21s %-16s %-46s %s\n' "$1" "$2" "$3" "$4"
}
