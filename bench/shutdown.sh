#!/usr/bin/env bash
# Stops a loaded server ten times with SIGTERM and checks that it ends cleanly each time:
# exit code 0, no crash report, and every request it accepted answered with a page or a 503
# (a request on a connection opened for it that gets no answer is counted as dropped and fails
# the round; one on a kept-alive connection closed as it was sent is sent again, as browsers do).
#
#   bash bench/shutdown.sh            (uses .build/release/lumbung, else .build/debug/lumbung)
#
# Writes bench/results/shutdown.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=${LUMBUNG_BIN:-.build/release/lumbung}
[[ -x $BIN ]] || BIN=.build/debug/lumbung
ROUNDS=${ROUNDS:-10}
PORT=8195
WORK=$(mktemp -d /tmp/lumbung-shutdown.XXXXXX)
trap 'kill "${PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
OUT=bench/results/shutdown.txt
mkdir -p bench/results
export DATABASE_URL="sqlite://$WORK/demo.sqlite"
"$BIN" demo >/dev/null

login_cookie() {
    local jar="$WORK/jar" token
    rm -f "$jar"
    token=$(curl -fsS -c "$jar" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="csrfToken" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=admin@lumbung.example" \
        --data-urlencode "password=lumbung-admin" --data-urlencode "csrfToken=$token" "http://127.0.0.1:$PORT/login"
    awk '$6 == "lumbung_session" {print "lumbung_session=" $7}' "$jar"
}

echo "shutdown under load: $ROUNDS rounds, binary $BIN, $(nproc) cores, $(date -u +%Y-%m-%d)" | tee "$OUT"
failures=0
for round in $(seq 1 "$ROUNDS"); do
    "$BIN" serve --hostname 127.0.0.1 --port $PORT >"$WORK/serve-$round.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 200); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null && break; sleep 0.1; done
    COOKIE=$(login_cookie)
    python3 bench/load_statuses.py --threads 16 --seconds 5 --cookie "$COOKIE" \
        "http://127.0.0.1:$PORT/catalogue?q=layanan" "http://127.0.0.1:$PORT/catalogue?q=pendidikan+desa" \
        "http://127.0.0.1:$PORT/innovations" "http://127.0.0.1:$PORT/health" >"$WORK/load-$round.json" &
    LOAD=$!
    sleep 2
    started=$(date +%s.%N)
    kill -TERM "$PID"
    rc=0
    wait "$PID" || rc=$?
    stopped=$(date +%s.%N)
    wait "$LOAD" || true
    result=$(cat "$WORK/load-$round.json")
    crashed=$(grep -cE "Program crashed|Fatal error|Assertion failed|precondition" "$WORK/serve-$round.log" || true)
    unexpected=$(echo "$result" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(n for s, n in d["statuses"].items() if s not in ("200", "303", "503")))')
    dropped=$(echo "$result" | python3 -c 'import json,sys; print(json.load(sys.stdin)["dropped"])')
    verdict=ok
    if [[ $rc != 0 || $crashed != 0 || $unexpected != 0 || $dropped != 0 ]]; then verdict=FAIL; failures=$((failures + 1)); fi
    printf 'round %2d: %s  exit %s  stopped in %.2f s  crash reports %s  other statuses %s  dropped %s  %s\n' \
        "$round" "$verdict" "$rc" "$(echo "$stopped - $started" | bc)" "$crashed" "$unexpected" "$dropped" "$result" | tee -a "$OUT"
    PID=""
done
echo "$failures of $ROUNDS rounds failed" | tee -a "$OUT"
[[ $failures == 0 ]]
