#!/usr/bin/env bash
# Eight anonymous clients keep posting 60 MB bodies to /login (bench/hostile_posts.py, raw
# sockets, so that the attacker costs the shared machine little) while wrk asks /health and the
# catalogue. Measures the server's resident memory (before, and the highest seen) and the
# latency of /health. Targets: memory grows by less than 50 MB, /health p99 under 100 ms.
#
#   DATABASE_URL=sqlite:///path.sqlite bash bench/hostile-bodies.sh   (default: the demo province)
#
# Writes bench/results/hostile-bodies.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=${LUMBUNG_BIN:-.build/release/lumbung}
[[ -x $BIN ]] || BIN=.build/debug/lumbung
PORT=8196
SECONDS_LOADED=${DURATION:-20}
WORK=$(mktemp -d /tmp/lumbung-hostile.XXXXXX)
trap 'kill "${PID:-}" $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
if [[ -z ${DATABASE_URL:-} ]]; then
    export DATABASE_URL="sqlite://$WORK/demo.sqlite"
    "$BIN" demo >/dev/null
fi
"$BIN" serve --hostname 127.0.0.1 --port $PORT >"$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null && break; sleep 0.2; done
sleep 2
rss() { ps -o rss= -p "$PID" | tr -d ' '; }
BEFORE=$(rss)
wrk -t1 -c8 -d"${SECONDS_LOADED}s" --timeout 10s --latency "http://127.0.0.1:$PORT/health" >"$WORK/health.txt" &
WRK1=$!
wrk -t1 -c8 -d"${SECONDS_LOADED}s" --timeout 10s --latency "http://127.0.0.1:$PORT/catalogue?q=layanan" >"$WORK/catalogue.txt" &
WRK2=$!
python3 bench/hostile_posts.py 127.0.0.1 $PORT /login --clients 8 --seconds "$SECONDS_LOADED" >"$WORK/posts.json" &
POSTS=$!
end=$((SECONDS + SECONDS_LOADED))
PEAK=$BEFORE
while (( SECONDS < end )); do
    now=$(rss); (( now > PEAK )) && PEAK=$now
    sleep 0.25
done
wait $WRK1 $WRK2 $POSTS || true
AFTER=$(rss)
p99() { awk '$1=="99%" {print $2}' "$1"; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
OUT=bench/results/hostile-bodies.txt
mkdir -p bench/results
{
    echo "eight clients posting 60 MB bodies to /login for ${SECONDS_LOADED} s, binary $BIN, $(nproc) cores, $(date -u +%Y-%m-%d)"
    echo "the eight clients (bench/hostile_posts.py): $(cat "$WORK/posts.json")"
    echo "resident memory: before ${BEFORE} KB, highest ${PEAK} KB (+$(( (PEAK - BEFORE) / 1024 )) MB), after ${AFTER} KB"
    echo "/health meanwhile: $(rps "$WORK/health.txt") req/s, p99 $(p99 "$WORK/health.txt") $(grep -E 'Non-2xx|Socket errors' "$WORK/health.txt" | tr '\n' ' ')"
    echo "/catalogue?q=layanan meanwhile: $(rps "$WORK/catalogue.txt") req/s, p99 $(p99 "$WORK/catalogue.txt") $(grep -E 'Non-2xx|Socket errors' "$WORK/catalogue.txt" | tr '\n' ' ')"
} | tee "$OUT"
