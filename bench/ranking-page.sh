#!/usr/bin/env bash
# The ranking page of a national-scale stage (3,500 proposals × 3 evaluators × 5 criteria,
# 120 evaluators), in a release build, for one signed-in visitor, side by side with Datasette
# answering the same question (the proposals ranked by their raw mean, 100 to a page) on the
# same database file.
#
#   bash bench/ranking-page.sh [N]        (default 3500; needs wrk, python3, a release build)
#
# Steps: N generated innovations imported with `lumbung import`; the stage written by
# bench/national_stage.py; the stage closed through the web (timed: the whole aggregation and
# the ranks written); then wrk with one connection over varied pages, sorts and filters, so no
# two consecutive requests ask the same thing. Writes bench/results/ranking-page.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${1:-3500}
DURATION=${DURATION:-20s}
BIN=.build/release/lumbung
PORT=8184
DATASETTE_PORT=8185
WORK=$(mktemp -d /tmp/lumbung-ranking.XXXXXX)
trap 'kill "${PID:-}" "${DPID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
[[ -x $BIN ]] || { echo "==> building Lumbung (release)"; swift build -c release --product lumbung; }

mkdir -p bench/data bench/results
CSV=bench/data/innovations-$N.csv
[[ -s $CSV ]] || python3 bench/generate.py "$N" > "$CSV"
export DATABASE_URL="sqlite://$WORK/national.sqlite"
for i in $(seq -w 1 40); do "$BIN" agency create --code "OPD-$i" --name "Perangkat Daerah $i" --kind office >/dev/null; done
"$BIN" import "$CSV" | tail -n 1
echo 'kata-sandi-bench-123' | "$BIN" user create --email biro@lumbung.example --name "Biro Organisasi" --role admin >/dev/null
STAGE=$(python3 bench/national_stage.py "$WORK/national.sqlite" "$N")
echo "==> stage $STAGE"

"$BIN" serve --hostname 127.0.0.1 --port $PORT >"$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 900); do curl -fsS "http://127.0.0.1:$PORT/health" 2>/dev/null | grep -q '"ready":true' && break; sleep 0.2; done
jar="$WORK/jar"
token=$(curl -fsS -c "$jar" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="csrfToken" value="\([^"]*\)".*/\1/p' | sed -n 1p)
curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=biro@lumbung.example" --data-urlencode "password=kata-sandi-bench-123" \
    --data-urlencode "csrfToken=$token" "http://127.0.0.1:$PORT/login"
COOKIE=$(awk '$6 == "lumbung_session" {print "lumbung_session=" $7}' "$jar")
page_token=$(curl -fsS -b "$jar" "http://127.0.0.1:$PORT$STAGE" | sed -n 's/.*name="csrfToken" value="\([^"]*\)".*/\1/p' | sed -n 1p)

# Closing runs the whole aggregation once more and writes every rank.
CLOSE=$(curl -sS -b "$jar" -o /dev/null -w '%{http_code} %{time_total}' --data-urlencode "csrfToken=$page_token" "http://127.0.0.1:$PORT$STAGE/close")
[[ ${CLOSE%% *} == 303 ]] || { echo "closing the stage answered ${CLOSE%% *}" >&2; tail -20 "$WORK/serve.log" >&2; exit 1; }

# Every sort × every page, and the two filters: 5 × 35 + 2 × 2 different addresses.
PAGES=$(( (N + 99) / 100 ))
: > "$WORK/paths.txt"
for sort in rank mean calibrated zfit range; do
    for page in $(seq 1 "$PAGES"); do echo "sort=$sort&page=$page"; done
done | python3 -c 'import random, sys; lines = sys.stdin.read().split(); random.Random(7).shuffle(lines); print("\n".join(lines))' > "$WORK/paths.txt"
printf 'filter=flagged\nfilter=shortlist\nfilter=flagged&sort=range\nfilter=shortlist&sort=mean\n' >> "$WORK/paths.txt"

# One check that the page is the real one: 100 rows, the shortlist of 99 named.
curl -fsS -b "$jar" "http://127.0.0.1:$PORT$STAGE/ranking?sort=rank&page=1" > "$WORK/first.html"
ROWS=$(grep -o '<tr id="row-' "$WORK/first.html" | wc -l)
BYTES=$(wc -c < "$WORK/first.html")
[[ $ROWS == 100 ]] || { echo "the first ranking page has $ROWS rows" >&2; exit 1; }

wrk -t1 -c1 -d5s -s bench/varied.lua "http://127.0.0.1:$PORT" -- "$WORK/paths.txt" "$STAGE/ranking?" "$COOKIE" >/dev/null
wrk -t1 -c1 -d"$DURATION" --latency -s bench/varied.lua "http://127.0.0.1:$PORT" -- "$WORK/paths.txt" "$STAGE/ranking?" "$COOKIE" > "$WORK/lumbung.txt"
RSS_KB=$(ps -o rss= -p "$PID" | tr -d ' ')
kill "$PID"; wait "$PID" 2>/dev/null || true

# The peer: Datasette on the same file, the raw-mean ranking as SQL, 100 rows a page.
if [[ ! -x bench/.venv/bin/datasette ]]; then
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install -q -r bench/requirements.txt
fi
STAGE_ID=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select max(id) from evaluation_stages\").fetchone()[0])" "$WORK/national.sqlite")
bench/.venv/bin/datasette serve "$WORK/national.sqlite" --port $DATASETTE_PORT --setting sql_time_limit_ms 10000 >"$WORK/datasette.log" 2>&1 &
DPID=$!
for _ in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$DATASETTE_PORT/-/versions.json" 2>/dev/null && break; sleep 0.2; done
python3 - "$STAGE_ID" "$PAGES" > "$WORK/peer.txt" <<'EOF'
import random, sys, urllib.parse
stage, pages = int(sys.argv[1]), int(sys.argv[2])
orders = {"rank": "mean DESC", "mean": "mean DESC", "range": "spread DESC", "median": "mean DESC", "n": "n DESC"}
lines = []
for key, order in orders.items():
    for page in range(pages):
        sql = ("SELECT p.id, i.name, g.name AS agency, count(*) AS n, avg(t.total) AS mean, max(t.total) - min(t.total) AS spread "
               "FROM (SELECT proposal_id, (json_extract(scores, '$.kebaruan') + json_extract(scores, '$.efektif') + "
               "json_extract(scores, '$.bermanfaat') + json_extract(scores, '$.\"dapat-direplikasi\"') + "
               "json_extract(scores, '$.berkelanjutan') - 5) * 100.0 / 45 AS total FROM assessments WHERE stage_id = %d AND status = 'submitted') t "
               "JOIN proposals p ON p.id = t.proposal_id JOIN innovations i ON i.id = p.innovation_id JOIN agencies g ON g.id = p.agency_id "
               "GROUP BY p.id ORDER BY %s, p.id LIMIT 100 OFFSET %d") % (stage, order, page * 100)
        lines.append("sql=" + urllib.parse.quote(sql))
random.Random(7).shuffle(lines)
print("\n".join(lines))
EOF
curl -fsS "http://127.0.0.1:$DATASETTE_PORT/national?$(head -1 "$WORK/peer.txt")" -o "$WORK/peer.html"
grep -q "Perangkat Daerah" "$WORK/peer.html" || { echo "Datasette did not answer the ranking query" >&2; exit 1; }
wrk -t1 -c1 -d5s -s bench/varied.lua "http://127.0.0.1:$DATASETTE_PORT" -- "$WORK/peer.txt" "/national?" >/dev/null
wrk -t1 -c1 -d"$DURATION" --latency -s bench/varied.lua "http://127.0.0.1:$DATASETTE_PORT" -- "$WORK/peer.txt" "/national?" > "$WORK/datasette.txt"

summary() {
    local rps p50 p99 max
    rps=$(awk '/Requests\/sec/ {print $2}' "$1"); p50=$(awk '$1=="50%" {print $2}' "$1"); p99=$(awk '$1=="99%" {print $2}' "$1")
    max=$(awk '/Latency/ && !/Distribution/ {print $4; exit}' "$1")
    printf '%-44s %8s req/s   p50 %8s   p99 %8s   max %8s\n' "$2" "$rps" "$p50" "$p99" "$max"
}
{
    echo "Ranking page, $N proposals × 3 evaluators × 5 criteria, 120 evaluators; one visitor (wrk -c1), $DURATION"
    echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, release build; $(wc -l < "$WORK/paths.txt") different addresses each"
    echo "closing the stage through the web (aggregation + $N ranks written): HTTP ${CLOSE%% *} in ${CLOSE#* } s"
    echo "first page: $ROWS rows, $BYTES bytes; server resident memory after the run: $((RSS_KB / 1024)) MB"
    summary "$WORK/lumbung.txt" "Lumbung /ranking (calibrated, flags, quota)"
    summary "$WORK/datasette.txt" "Datasette SQL (raw mean only)"
    grep -h "Non-2xx\|Socket errors" "$WORK/lumbung.txt" "$WORK/datasette.txt" || true
} | tee bench/results/ranking-page.txt
