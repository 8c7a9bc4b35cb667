#!/usr/bin/env bash
# Browser tests for Lumbung.
#
# Needs a built app (.build/debug/lumbung, from `swift build`) and Debian's
# chromium + chromium-driver. Creates e2e/.venv, starts the app in demo mode on
# a fresh SQLite database at 127.0.0.1:8089, runs pytest against it and stops
# the server again. Exit code is pytest's.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT=8089
HOST=127.0.0.1
export LUMBUNG_URL="http://$HOST:$PORT"
export SE_OFFLINE=true          # Selenium Manager must not try to download anything
APP_BIN=${LUMBUNG_BIN:-.build/debug/lumbung}   # override only to test this script
VENV=e2e/.venv

SERVER_PID=""
E2E_TMP=""

# shellcheck disable=SC2317  # invoked through the EXIT trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "==> e2e: stopping app server (pid $SERVER_PID)"
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ -n "$E2E_TMP" && -d "$E2E_TMP" ]]; then
        rm -rf "$E2E_TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
    (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

echo "==> e2e: python environment ($VENV)"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
    rm -rf "$VENV"
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r e2e/requirements.txt
"$VENV/bin/python" -c 'import selenium, pytest; print("selenium", selenium.__version__, "/ pytest", pytest.__version__)'

if [[ ! -x "$APP_BIN" ]]; then
    echo "e2e: $APP_BIN not found; run 'swift build' first" >&2
    exit 2
fi
if port_in_use "$PORT"; then
    echo "e2e: something is already listening on $HOST:$PORT; refusing to test against it" >&2
    exit 2
fi

E2E_TMP=$(mktemp -d /tmp/lumbung-e2e.XXXXXX)
SERVER_LOG="$E2E_TMP/server.log"
export E2E_ARTIFACTS_DIR="$E2E_TMP/artifacts"
mkdir -p "$E2E_ARTIFACTS_DIR"

# E2E_DATABASE_URL names an empty database to run against instead (CI runs the tests once on
# SQLite and once on PostgreSQL); the demo province is loaded into it.
E2E_DATABASE=${E2E_DATABASE_URL:-sqlite:///$E2E_TMP/e2e.sqlite}
echo "==> e2e: starting $APP_BIN serve --demo on $LUMBUNG_URL (database ${E2E_DATABASE%%://*}: ${E2E_DATABASE##*@})"
DATABASE_URL="$E2E_DATABASE" \
    "$APP_BIN" serve --demo --hostname "$HOST" --port "$PORT" >"$SERVER_LOG" 2>&1 </dev/null &
SERVER_PID=$!

ready=0
for _ in $(seq 1 240); do           # 240 x 0.5 s = 120 s
    # Up, and its catalogue index built (it is built in the background after start).
    if curl -fsS --max-time 2 "$LUMBUNG_URL/health" 2>/dev/null | grep -q '"ready":true'; then
        ready=1
        break
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        break
    fi
    sleep 0.5
done
if [[ $ready != 1 ]]; then
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "e2e: the app did not answer $LUMBUNG_URL/health ready within 120 s" >&2
    else
        echo "e2e: the app exited before answering $LUMBUNG_URL/health" >&2
    fi
    echo "==> e2e: server log (last 80 lines)" >&2
    tail -n 80 "$SERVER_LOG" >&2 || true
    exit 1
fi
echo "==> e2e: app is up; running pytest"

set +e
"$VENV/bin/python" -m pytest -q -p no:cacheprovider e2e
rc=$?
set -e

# The open data API against its own OpenAPI document: every check schemathesis has that fits
# a public, read-only API, a bounded number of generated cases per operation so that CI stays
# within its time. Left out: ignored_auth and object_level_authorization (the API has no
# authentication: everything it serves is public), use_after_free and
# ensure_resource_availability (they need operations that create and delete, and it has none).
API_VENV=e2e/.venv-api
if [[ $rc -eq 0 ]]; then
    echo "==> e2e: API contract (schemathesis)"
    if [[ ! -x "$API_VENV/bin/schemathesis" ]]; then
        rm -rf "$API_VENV"
        python3 -m venv "$API_VENV"
    fi
    "$API_VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r e2e/requirements-api.txt
    set +e
    "$API_VENV/bin/schemathesis" --config-file e2e/schemathesis.toml run "$LUMBUNG_URL/api/v1/openapi.json" --checks all \
        --max-examples "${SCHEMATHESIS_EXAMPLES:-150}" --seed 20261201 --workers 2 --no-color \
        --exclude-checks ignored_auth,use_after_free,ensure_resource_availability,object_level_authorization
    rc=$?
    set -e
fi

if [[ $rc -ne 0 ]]; then
    echo "==> e2e: pytest failed (exit $rc); server log (last 80 lines):"
    tail -n 80 "$SERVER_LOG" || true
    if compgen -G "$E2E_ARTIFACTS_DIR/*" >/dev/null; then
        # Keep screenshots/page sources of the failure outside the temp dir.
        keep=$(mktemp -d /tmp/lumbung-e2e-failure.XXXXXX)
        cp -r "$E2E_ARTIFACTS_DIR"/. "$keep"/
        cp "$SERVER_LOG" "$keep"/ 2>/dev/null || true
        echo "==> e2e: screenshots, page sources and the server log kept in $keep"
    fi
fi
exit "$rc"
