#!/usr/bin/env bash
# Kills `lumbung import` with SIGKILL in the middle of a large file and checks that the
# database is as it was before, then that the same import succeeds.
#
#   bash bench/crash-import.sh [N]     (default 100000 rows; release build if present)
#
# Writes bench/results/crash-import.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-100000}
BIN=${LUMBUNG_BIN:-.build/release/lumbung}
[[ -x $BIN ]] || BIN=.build/debug/lumbung
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed: apt-get install sqlite3" >&2; exit 1; }
WORK=${WORK:-bench/data}
mkdir -p "$WORK" bench/results
CSV="$WORK/innovations-$N.csv"
[[ -s $CSV ]] || python3 bench/generate.py "$N" > "$CSV"
DB="$WORK/crash-$N.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
export DATABASE_URL="sqlite://$(pwd)/$DB"
for i in $(seq -w 1 40); do "$BIN" agency create --code "OPD-$i" --name "Perangkat Daerah $i" --kind office >/dev/null; done
# Something to lose: the first thousand rows, imported and committed.
head -n 1001 "$CSV" > "$WORK/first-1000.csv"
"$BIN" import "$WORK/first-1000.csv" >/dev/null

state() {
    sqlite3 "$DB" "PRAGMA integrity_check;" \
        "SELECT 'innovations', count(*), coalesce(sum(length(name) + length(design)), 0) FROM innovations;" \
        "SELECT 'revisions', count(*), coalesce(max(id), 0) FROM revisions;" \
        "SELECT 'audit', count(*), coalesce(max(id), 0) FROM audit_events;" \
        "SELECT 'agencies', count(*) FROM agencies;" | tr '\n' ' '
}
OUT=bench/results/crash-import.txt
BEFORE=$(state)
echo "kill -9 during an import of $N rows, binary $BIN, $(date -u +%Y-%m-%d)" | tee "$OUT"
echo "before:        $BEFORE" | tee -a "$OUT"
failures=0
for delay in ${DELAYS:-3 8 15}; do
    "$BIN" import "$CSV" >"$WORK/crash-import.log" 2>&1 &
    PID=$!
    sleep "$delay"
    if ! kill -0 "$PID" 2>/dev/null; then echo "the import ended before ${delay} s; use a larger N" | tee -a "$OUT"; failures=$((failures + 1)); continue; fi
    kill -9 "$PID"; wait "$PID" 2>/dev/null || true
    AFTER=$(state)
    verdict=ok; [[ $AFTER == "$BEFORE" ]] || { verdict=FAIL; failures=$((failures + 1)); }
    echo "killed at ${delay} s: $verdict  $AFTER" | tee -a "$OUT"
done
started=$(date +%s)
"$BIN" import "$CSV" | tail -n 1 | tee -a "$OUT"
echo "the same import afterwards: $(( $(date +%s) - started )) s, state $(state)" | tee -a "$OUT"
echo "import marker left by the killed imports, removed by the next one: $(sqlite3 "$DB" "SELECT count(*) FROM settings WHERE key = 'import_running'") rows now" | tee -a "$OUT"
[[ $failures == 0 ]]
