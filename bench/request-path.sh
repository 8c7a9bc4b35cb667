#!/usr/bin/env bash
# Lumbung's request path beside a bare Vapor app, in one run, both release builds on loopback:
# the reference's plain-text "ok", Lumbung's /health, its stylesheet, the catalogue page and the
# API for varied words (the demonstration province), and what a slow link downloads with and
# without gzip. Writes bench/results/request-path.txt.
#
#   bash bench/request-path.sh          (needs wrk, curl, python3; builds what is missing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
BIN=.build/release/lumbung
HELLO=bench/hello/.build/release/Hello
LUMBUNG_PORT=8191
HELLO_PORT=8192
QUIET_PORT=8194
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[[ -x $BIN ]] || { echo "==> building Lumbung (release)"; swift build -c release --product lumbung; }
[[ -x $HELLO ]] || { echo "==> building the reference (release)"; (cd bench/hello && swift build -c release); }

WORK=$(mktemp -d)
cleanup() { kill "${LUMBUNG_PID:-}" "${HELLO_PID:-}" "${QUIET_PID:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
DATABASE_URL="sqlite://$WORK/demo.sqlite" $BIN serve --demo --hostname 127.0.0.1 --port $LUMBUNG_PORT > "$WORK/lumbung.log" 2>&1 &
LUMBUNG_PID=$!
$HELLO serve --hostname 127.0.0.1 --port $HELLO_PORT > "$WORK/hello.log" 2>&1 &
HELLO_PID=$!
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$LUMBUNG_PORT/health" 2>/dev/null | grep -q '"ready":true' && break; sleep 0.5; done
# The same database served again with a line logged for every request (LOG_LEVEL=debug).
LOG_LEVEL=debug DATABASE_URL="sqlite://$WORK/demo.sqlite" $BIN serve --hostname 127.0.0.1 --port $QUIET_PORT > "$WORK/quiet.log" 2>&1 &
QUIET_PID=$!
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$QUIET_PORT/health" 2>/dev/null | grep -q '"ready":true' && break; sleep 0.5; done
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$LUMBUNG_PORT/health" 2>/dev/null | grep -q '"ready":true' && break; sleep 0.5; done
for url in "http://127.0.0.1:$HELLO_PORT/"; do
    for _ in $(seq 1 300); do curl -fsS "$url" >/dev/null 2>&1 && break; sleep 1; done
done
L="http://127.0.0.1:$LUMBUNG_PORT"
CSS=$(curl -fsS "$L/catalogue" | grep -o '/app\.css?v=[0-9a-f]*' | head -1)
# Varied words drawn from the demonstration catalogue's own names, one per request.
curl -fsS "$L/api/v1/innovations?per_page=100" | python3 -c '
import json, sys, urllib.parse, random
names = [i["name"] for i in json.load(sys.stdin)["items"]]
words = sorted({w.strip("(),.:").lower() for n in names for w in n.split() if len(w.strip("(),.:")) > 3})
rng = random.Random(20261202)
queries = []
while len(queries) < 200:
    q = rng.choice(words) if rng.random() < 0.5 else rng.choice(words) + " " + rng.choice(words)
    if q not in queries: queries.append(q)
print("\n".join(urllib.parse.quote_plus(q) for q in queries))' > "$WORK/queries.txt"

OUT=bench/results/request-path.txt
mkdir -p bench/results
echo "connections: $CONNECTIONS   duration: $DURATION   machine: $(nproc) cores   $(date -u +%Y-%m-%d)" > "$OUT"
# measure NAME URL [PATH_PREFIX]: with a prefix, each request asks a different word (varied.lua).
measure() {
    local name=$1 url=$2 prefix=${3:-}
    local result rps p50 p99
    if [[ -n $prefix ]]; then
        result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/varied.lua "$url" -- "$WORK/queries.txt" "$prefix")
    else
        result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$url")
    fi
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1=="50%" {print $2}')
    p99=$(echo "$result" | awk '$1=="99%" {print $2}')
    printf '%-34s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" \
        "$(echo "$result" | grep -E "Non-2xx|Socket errors" | tr '\n' ' ' || true)" | tee -a "$OUT"
}
measure "reference hello (plain text)" "http://127.0.0.1:$HELLO_PORT/"
measure "lumbung /health" "$L/health"
measure "lumbung /health, LOG_LEVEL=debug" "http://127.0.0.1:$QUIET_PORT/health"
measure "lumbung $CSS" "$L$CSS"
measure "lumbung /catalogue?q= (varied)" "$L" "/catalogue?q="
measure "lumbung /api/v1/innovations?q= (varied)" "$L" "/api/v1/innovations?q="
echo "bytes on the wire (plain / gzip):" | tee -a "$OUT"
for path in "/catalogue" "/catalogue?q=layanan" "/api/v1/innovations?q=layanan" "$CSS" "/catalogue/1"; do
    plain=$(curl -fsS -o /dev/null -w '%{size_download}' "$L$path")
    zipped=$(curl -fsS -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$L$path")
    printf '  %-34s %8s  %8s\n' "$path" "$plain" "$zipped" | tee -a "$OUT"
done
echo "==> written $OUT"
