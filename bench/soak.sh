#!/usr/bin/env bash
# Soak: wrk with 64 connections for 60 s on the catalogue with a different query per request,
# then 60 s on a signed-in registry list page (a different page number per request). Checks
# zero errors and time-outs, and resident memory after equal to before within 10 %.
#
#   DATABASE_URL=sqlite:///path.sqlite bash bench/soak.sh   (default: bench/data/crash-100000.sqlite, else the demo)
#
# Writes bench/results/soak.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=${LUMBUNG_BIN:-.build/release/lumbung}
[[ -x $BIN ]] || BIN=.build/debug/lumbung
PORT=8197
DURATION=${DURATION:-60s}
WORK=$(mktemp -d /tmp/lumbung-soak.XXXXXX)
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
if [[ -z ${DATABASE_URL:-} ]]; then
    if [[ -s bench/data/crash-100000.sqlite ]]; then export DATABASE_URL="sqlite://$(pwd)/bench/data/crash-100000.sqlite"
    else export DATABASE_URL="sqlite://$WORK/demo.sqlite"; "$BIN" demo >/dev/null; fi
fi
echo 'kata-sandi-soak-123' | "$BIN" user create --email "soak-$RANDOM@lumbung.example" --name Soak --role admin >"$WORK/user.txt" 2>&1
EMAIL=$(sed -n 's/Account created: \([^ ]*\).*/\1/p' "$WORK/user.txt")
"$BIN" serve --hostname 127.0.0.1 --port $PORT >"$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 900); do curl -fsS "http://127.0.0.1:$PORT/health" 2>/dev/null | grep -q '"ready":true' && break; sleep 0.2; done
jar="$WORK/jar"
token=$(curl -fsS -c "$jar" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="csrfToken" value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$EMAIL" --data-urlencode "password=kata-sandi-soak-123" \
    --data-urlencode "csrfToken=$token" "http://127.0.0.1:$PORT/login"
COOKIE=$(awk '$6 == "lumbung_session" {print "lumbung_session=" $7}' "$jar")
python3 bench/queries.py 400 > "$WORK/queries.txt"
seq 1 200 > "$WORK/pages.txt"
rss() { ps -o rss= -p "$PID" | tr -d ' '; }
# Warm up both paths briefly, so that "before" includes what a running server normally holds.
wrk -t2 -c16 -d5s -s bench/varied.lua "http://127.0.0.1:$PORT" -- "$WORK/queries.txt" "/catalogue?q=" >/dev/null
wrk -t2 -c16 -d5s -s bench/varied.lua "http://127.0.0.1:$PORT" -- "$WORK/pages.txt" "/innovations?page=" "$COOKIE" >/dev/null
BEFORE=$(rss)
wrk -t2 -c64 -d"$DURATION" --timeout 10s --latency -s bench/varied.lua "http://127.0.0.1:$PORT" -- "$WORK/queries.txt" "/catalogue?q=" >"$WORK/catalogue.txt"
MIDDLE=$(rss)
wrk -t2 -c64 -d"$DURATION" --timeout 10s --latency -s bench/varied.lua "http://127.0.0.1:$PORT" -- "$WORK/pages.txt" "/innovations?page=" "$COOKIE" >"$WORK/list.txt"
sleep 2
AFTER=$(rss)
summary() {
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$1"); p50=$(awk '$1=="50%" {print $2}' "$1"); p99=$(awk '$1=="99%" {print $2}' "$1")
    errors=$(grep -E 'Non-2xx|Socket errors' "$1" | tr '\n' ' ' || true)
    echo "$rps req/s, p50 $p50, p99 $p99, ${errors:-no errors or time-outs}"
}
OUT=bench/results/soak.txt
mkdir -p bench/results
{
    echo "soak: 64 connections, $DURATION each, binary $BIN, database $(basename "${DATABASE_URL#sqlite://}"), $(nproc) cores, $(date -u +%Y-%m-%d)"
    echo "/catalogue?q=… (400 different queries): $(summary "$WORK/catalogue.txt")"
    echo "/innovations?page=… signed in (200 pages): $(summary "$WORK/list.txt")"
    echo "resident memory: before ${BEFORE} KB, between ${MIDDLE} KB, after ${AFTER} KB ($(python3 -c "print(f'{($AFTER - $BEFORE) / $BEFORE * 100:+.1f} %')"))"
    if [[ $DATABASE_URL == sqlite://* ]] && command -v sqlite3 >/dev/null; then
        echo "session rows after $(( $(grep -h 'requests in' "$WORK/catalogue.txt" | awk '{print $1}') )) anonymous catalogue requests: $(sqlite3 "${DATABASE_URL#sqlite://}" 'SELECT count(*) FROM login_sessions') (the soak's own sign-ins, one per run)"
    fi
} | tee "$OUT"
