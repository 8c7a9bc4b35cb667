#!/usr/bin/env bash
# How soon a release instance answers after `serve` starts, on the database bench/run.sh
# loaded (default 100,000 innovations): the first answer of /health and of a registry page
# (the login page), and the first catalogue search that is not "not ready yet" (503).
#
#   bash bench/startup.sh [N]        (run bench/run.sh N first)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-100000}
BIN=.build/release/lumbung
DB=bench/data/lumbung-$N.sqlite
PORT=8193
[[ -s $DB ]] || { echo "no $DB: run bash bench/run.sh $N first" >&2; exit 1; }
OUT=bench/results/startup-$N.txt
: > "$OUT"
for run in 1 2 3; do
    start=$(date +%s.%N)
    DATABASE_URL="sqlite://$(pwd)/$DB" $BIN serve --hostname 127.0.0.1 --port $PORT > /tmp/lumbung-startup.log 2>&1 &
    pid=$!
    health="" login="" search=""
    while [[ -z $search ]]; do
        now=$(date +%s.%N)
        if [[ -z $health ]] && curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/health" 2>/dev/null; then health=$(echo "$now - $start" | bc); fi
        if [[ -z $login ]] && curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/login" 2>/dev/null; then login=$(echo "$now - $start" | bc); fi
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/api/v1/innovations?q=pangan" 2>/dev/null || true)
        if [[ $code == 200 ]]; then search=$(echo "$now - $start" | bc); fi
        sleep 0.1
    done
    rss=$(ps -o rss= -p $pid | tr -d ' ')
    kill $pid; wait $pid 2>/dev/null || true
    printf 'start %d: /health %6.2f s   /login %6.2f s   first search %6.2f s   RSS after %s KB\n' "$run" "$health" "$login" "$search" "$rss" | tee -a "$OUT"
done
