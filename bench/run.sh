#!/usr/bin/env bash
# Serves the same N generated innovations with Lumbung and with Datasette and measures both
# with wrk on loopback. Writes a summary to bench/results/N.txt.
#
#   bash bench/run.sh [N]            (default 100000; needs wrk, python3, a release build)
#
# Steps: generate the CSV (fixed seed), load it into Lumbung through `lumbung import`, load the
# same CSV into SQLite with sqlite-utils (FTS5 on the text columns) for Datasette, then run
# three requests against each: a broad one-word query with the agency facet, a narrow
# three-word query, and one record by id.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-100000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
WORK=${WORK:-bench/data}
mkdir -p "$WORK" bench/results
LUMBUNG_PORT=8181
DATASETTE_PORT=8182
BIN=.build/release/lumbung

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[[ -x $BIN ]] || { echo "==> building Lumbung (release)"; swift build -c release --product lumbung; }

CSV="$WORK/innovations-$N.csv"
if [[ ! -s $CSV ]]; then
    echo "==> generating $N innovations"
    python3 bench/generate.py "$N" > "$CSV"
fi

DB="$WORK/lumbung-$N.sqlite"
DSDB="$WORK/datasette-$N.db"
export DATABASE_URL="sqlite://$(pwd)/$DB"
# REUSE=1 measures again on the databases of the last run (the import figures are kept).
if [[ ${REUSE:-0} == 1 && -s $DB && -s $DSDB ]]; then
    echo "==> reusing $DB and $DSDB"
else
echo "==> loading Lumbung"
rm -f "$DB" "$DB-wal" "$DB-shm"
for i in $(seq -w 1 40); do
    $BIN agency create --code "OPD-$i" --name "Perangkat Daerah $i" --kind office >/dev/null
done
/usr/bin/time -v $BIN import "$CSV" 2> "$WORK/import-time.txt" | tail -n 1
echo "==> importing the same file again (nothing may change)"
/usr/bin/time -v $BIN import "$CSV" 2> "$WORK/reimport-time.txt" | tail -n 1
fi
IMPORT_SECONDS=$(grep "Elapsed (wall clock)" "$WORK/import-time.txt" | awk '{print $NF}')
IMPORT_PEAK_KB=$(grep "Maximum resident set size" "$WORK/import-time.txt" | awk '{print $NF}')
REIMPORT_SECONDS=$(grep "Elapsed (wall clock)" "$WORK/reimport-time.txt" 2>/dev/null | awk '{print $NF}')

if [[ ! -x bench/.venv/bin/datasette ]]; then
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install -q -r bench/requirements.txt
fi
if [[ ${REUSE:-0} != 1 || ! -s $DSDB ]]; then
echo "==> loading Datasette"
rm -f "$DSDB"
bench/.venv/bin/sqlite-utils insert "$DSDB" innovations "$CSV" --csv --pk kode >/dev/null
bench/.venv/bin/sqlite-utils enable-fts "$DSDB" innovations nama singkatan rancang_bangun tujuan manfaat hasil penerima_manfaat tema --fts5 --create-triggers >/dev/null
bench/.venv/bin/sqlite-utils create-index "$DSDB" innovations kode_perangkat_daerah >/dev/null
fi

cleanup() { kill "${LUMBUNG_PID:-}" "${DATASETTE_PID:-}" 2>/dev/null || true; }
trap cleanup EXIT
$BIN serve --hostname 127.0.0.1 --port $LUMBUNG_PORT > "$WORK/lumbung-serve.log" 2>&1 &
LUMBUNG_PID=$!
bench/.venv/bin/datasette serve -i "$DSDB" --host 127.0.0.1 --port $DATASETTE_PORT --setting suggest_facets off \
    --setting sql_time_limit_ms 60000 --setting facet_time_limit_ms 60000 > "$WORK/datasette.log" 2>&1 &
DATASETTE_PID=$!
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$LUMBUNG_PORT/health" 2>/dev/null | grep -q '"ready":true' && break; sleep 0.5; done
for url in "http://127.0.0.1:$DATASETTE_PORT/-/versions.json"; do
    for _ in $(seq 1 300); do curl -fsS "$url" >/dev/null 2>&1 && break; sleep 1; done
done
# The index answers as soon as it is read and reports its size once its bit sets are built.
for _ in $(seq 1 120); do
    INDEX_BYTES=$(curl -fsS "http://127.0.0.1:$LUMBUNG_PORT/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["search"]["memory_bytes"])')
    [[ $INDEX_BYTES != 0 ]] && break
    sleep 0.5
done
LUMBUNG_RSS_KB=$(ps -o rss= -p $LUMBUNG_PID | tr -d ' ')

# The same three questions, asked of each.
# Broad: a theme word (in about a quarter of the rows, and not inflected, so both servers match
# the same rows). Narrow: a village name with two common words. Record: one row by its key.
BROAD=${BROAD:-pangan}
NARROW=${NARROW:-$(python3 -c 'import sys; sys.path.insert(0, "bench"); import generate; print(generate.VILLAGES[7])')+posyandu+warga}
ID=$(curl -fsS "http://127.0.0.1:$LUMBUNG_PORT/api/v1/innovations?q=$BROAD&per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
declare -A LUMBUNG=(
    [broad]="/api/v1/innovations?q=$BROAD"
    [narrow]="/api/v1/innovations?q=$NARROW"
    [record]="/api/v1/innovations/$ID"
)
declare -A DATASETTE=(
    [broad]="/datasette-$N/innovations.json?_search=$BROAD&_facet=kode_perangkat_daerah"
    [narrow]="/datasette-$N/innovations.json?_search=$NARROW"
    [record]="/datasette-$N/innovations/BENCH-$(printf %06d 1).json"
)
for name in broad narrow record; do
    echo "   lumbung $name: total=$(curl -fsS "http://127.0.0.1:$LUMBUNG_PORT${LUMBUNG[$name]}" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("total", 1))')"
    echo "   datasette $name: rows=$(curl -fsS "http://127.0.0.1:$DATASETTE_PORT${DATASETTE[$name]}" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("filtered_table_rows_count", len(d.get("rows", []))))')"
done

OUT="bench/results/$N.txt"
{
    echo "innovations: $N   connections: $CONNECTIONS   duration: $DURATION   machine: $(nproc) cores"
    echo "import: $IMPORT_SECONDS (wall), peak RSS ${IMPORT_PEAK_KB} KB; the same file again: ${REIMPORT_SECONDS:-not run} (wall)"
    echo "lumbung after start: RSS ${LUMBUNG_RSS_KB} KB, search index ~${INDEX_BYTES} bytes"
} > "$OUT"
for name in broad narrow record; do
    for server in lumbung datasette; do
        if [[ $server == lumbung ]]; then url="http://127.0.0.1:$LUMBUNG_PORT${LUMBUNG[$name]}"; else url="http://127.0.0.1:$DATASETTE_PORT${DATASETTE[$name]}"; fi
        echo "==> $server $name"
        # A 10 s time-out, so that slow answers are counted late rather than dropped.
        result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$url")
        rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
        p50=$(echo "$result" | awk '$1=="50%" {print $2}')
        p99=$(echo "$result" | awk '$1=="99%" {print $2}')
        errors=$(echo "$result" | grep -E "Non-2xx|Socket errors" | tr '\n' ' ' || true)
        printf '%-9s %-7s %10s req/s   p50 %8s   p99 %8s   %s\n' "$server" "$name" "$rps" "$p50" "$p99" "$errors" | tee -a "$OUT"
    done
done
# The same broad question with the result cache turned off: every request searches the index.
kill "$LUMBUNG_PID" 2>/dev/null || true
wait "$LUMBUNG_PID" 2>/dev/null || true
LUMBUNG_SEARCH_CACHE=0 $BIN serve --hostname 127.0.0.1 --port $LUMBUNG_PORT > "$WORK/lumbung-serve-nocache.log" 2>&1 &
LUMBUNG_PID=$!
for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$LUMBUNG_PORT/health" 2>/dev/null | grep -q '"ready":true' && break; sleep 0.5; done
for name in broad narrow; do
    echo "==> lumbung $name, result cache off"
    result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "http://127.0.0.1:$LUMBUNG_PORT${LUMBUNG[$name]}")
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1=="50%" {print $2}')
    p99=$(echo "$result" | awk '$1=="99%" {print $2}')
    printf '%-9s %-7s %10s req/s   p50 %8s   p99 %8s   (result cache off)\n' "lumbung" "$name" "$rps" "$p50" "$p99" | tee -a "$OUT"
done
# Varied questions, a different one for each request (wrk -s bench/varied.lua): 300 words and
# word pairs from the generator's vocabulary, asked of both servers with the result cache off
# (still running), and the similar innovations of varied published ids.
python3 bench/queries.py 300 > "$WORK/queries.txt"
curl -fsS "http://127.0.0.1:$LUMBUNG_PORT/api/v1/innovations?q=$BROAD&per_page=100" | python3 -c '
import json, sys
print("\n".join(str(i["id"]) + "/similar" for i in json.load(sys.stdin)["items"]))' > "$WORK/similar.txt"
varied() {
    local name=$1 base=$2 prefix=$3 file=$4
    echo "==> $name"
    result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/varied.lua "$base" -- "$file" "$prefix")
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$result" | awk '$1=="50%" {print $2}')
    p99=$(echo "$result" | awk '$1=="99%" {print $2}')
    errors=$(echo "$result" | grep -E "Non-2xx|Socket errors" | tr '\n' ' ' || true)
    printf '%-40s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" "$errors" | tee -a "$OUT"
}
varied "lumbung api, varied words (cache off)" "http://127.0.0.1:$LUMBUNG_PORT" "/api/v1/innovations?q=" "$WORK/queries.txt"
varied "lumbung page, varied words (cache off)" "http://127.0.0.1:$LUMBUNG_PORT" "/catalogue?q=" "$WORK/queries.txt"
varied "lumbung similar, varied ids" "http://127.0.0.1:$LUMBUNG_PORT" "/api/v1/innovations/" "$WORK/similar.txt"
varied "datasette, varied words + agency facet" "http://127.0.0.1:$DATASETTE_PORT" "/datasette-$N/innovations.json?_facet=kode_perangkat_daerah&_search=" "$WORK/queries.txt"
echo "==> written $OUT"
