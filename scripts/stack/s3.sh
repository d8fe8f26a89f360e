# gofakes3: a small S3-compatible server (in-memory backend), built from source with go install.
# Not a daemon of the stack: the object-storage tests start it on a free port and stop it after.
# Tests find it at $BIN_DIR/gofakes3 (env S3_TEST_SERVER_PATH overrides).

GOFAKES3_MODULE=github.com/johannesboyne/gofakes3/cmd/gofakes3@v1.2.0
GOFAKES3_BIN="$BIN_DIR/gofakes3"

s3_install() {
  [[ -x "$GOFAKES3_BIN" ]] || go_install gofakes3 "$GOFAKES3_MODULE" || die "gofakes3: go install failed"
}

s3_start() { :; }

s3_stop() { :; }

s3_status() {
  local state=missing
  [[ -x "$GOFAKES3_BIN" ]] && state=installed
  status_line s3 "$(go_binary_version "$GOFAKES3_BIN")" "${GOFAKES3_BIN/#"$HOME"/\~} (started by tests)" "$state"
  [[ $state == installed ]]
}
