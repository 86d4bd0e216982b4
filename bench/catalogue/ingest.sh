#!/usr/bin/env bash
# Bulk ingest including indexing (issue #5): N synthetic records through POST /api/ingest/records (batches, harvester
# token), PostgreSQL, the search outbox and OutboxIndexer into OpenSearch. The clock starts with the first request and
# stops when the index holds as many documents as the database has datasets. In the same run the very rows the
# ingest wrote are copied out and loaded again with PostgreSQL COPY, as the floor.
#
#   STACK_ENV=/tmp/me-stack.env bench/catalogue/ingest.sh [N=100000] [BATCH=500] [CONCURRENCY=2]
#
# Needs: a running stack (its env file in STACK_ENV), a built portal (./mvnw -B -q -o -pl portal -am install
# -DskipTests), psql, curl, jq. Starts the server on APERTURE_HTTP_PORT (default 8090) and stops it at the end.
# Records get numbers after those already in the catalogue (FROM, default: count of datasets), so the script can be
# run again on the same stack; each run creates N new datasets.
source "$(dirname "$0")/lib.sh"
N="${1:-100000}"
BATCH="${2:-500}"
CONC="${3:-2}"
trap stop_server EXIT

start_server
base_db="$(scalar 'SELECT count(*) FROM dataset')"
FROM="${FROM:-$base_db}"
max_id="$(scalar 'SELECT coalesce(max(id), 0) FROM dataset')"
wait_index_caught_up
load0="$(cut -d' ' -f1 /proc/loadavg)"
read -r cs0 cp0 co0 < <(cpu_seconds)

# --- the real path --------------------------------------------------------------------------------------------
# outbox backlog every 5 s, to see whether indexing keeps up with ingest
( while :; do echo "$(date +%s) $(scalar 'SELECT count(*) FROM search_outbox' 2>/dev/null)"; sleep 5; done ) >"$WORK/backlog.log" &
SAMPLER=$!
java -cp "$(record_classpath)" "$HERE/IngestBench.java" "$SERVER" "$APERTURE_OIDC_URL/protocol/openid-connect/token" "$SEARCH" \
    "$FROM" "$N" "$BATCH" "$CONC" "$((base_db + N))" | tee "$WORK/ingest.out"
kill "$SAMPLER" 2>/dev/null || true
read -r cs1 cp1 co1 < <(cpu_seconds)
load1="$(cut -d' ' -f1 /proc/loadavg)"
db_after="$(scalar 'SELECT count(*) FROM dataset')"
idx_after="$(index_count)"
posted="$(sed -n 's/^posted_seconds=//p' "$WORK/ingest.out")"
indexed="$(sed -n 's/^indexed_seconds=//p' "$WORK/ingest.out")"
created="$(sed -n 's/^status_CREATED=//p' "$WORK/ingest.out")"
max_backlog="$(awk '{ if ($2 > m) m = $2 } END { print m + 0 }' "$WORK/backlog.log")"

# --- the floor: the same rows with COPY ---------------------------------------------------------------------------
# Tables with the same columns, defaults, checks, unique constraints and indexes (LIKE … INCLUDING ALL), no triggers
# and no foreign keys: the least PostgreSQL needs to take these rows. Client-side \copy over loopback, CSV.
tables="dataset parameter datafile dataset_technique dataset_derivation"
rm -rf "$WORK/copy"; mkdir -p "$WORK/copy"
psqlq -c "DROP SCHEMA IF EXISTS copy_floor CASCADE; CREATE SCHEMA copy_floor;"
for t in $tables; do
  key=dataset_id; [ "$t" = dataset ] && key=id
  psqlq -c "CREATE TABLE copy_floor.$t (LIKE public.$t INCLUDING ALL)"
  psqlq -c "\\copy (SELECT * FROM public.$t WHERE $key > $max_id) TO '$WORK/copy/$t.csv' CSV"
done
rows="$(cat "$WORK"/copy/*.csv | wc -l)"
bytes="$(du -cb "$WORK"/copy/*.csv | tail -1 | cut -f1)"
{ echo "BEGIN;"; for t in $tables; do echo "\\copy copy_floor.$t FROM '$WORK/copy/$t.csv' CSV"; done; echo "COMMIT;"; } >"$WORK/copy/load.sql"
t0="$(now_ms)"; psqlq -f "$WORK/copy/load.sql"; t1="$(now_ms)"
copy_s="$(echo "scale=2; ($t1 - $t0) / 1000" | bc)"
psqlq -c "DROP SCHEMA copy_floor CASCADE;"

rate() { echo "scale=0; $1 / $2" | bc; }
cpu_server="$(echo "scale=2; ($cs1 - $cs0) * 1000 / $N" | bc)"
cpu_pg="$(echo "scale=2; ($cp1 - $cp0) * 1000 / $N" | bc)"
cpu_os="$(echo "scale=2; ($co1 - $co0) * 1000 / $N" | bc)"
cpu_all="$(echo "scale=2; $cpu_server + $cpu_pg + $cpu_os" | bc)"
api_rate="$(rate "$N" "$indexed")"
copy_rate="$(rate "$N" "$copy_s")"
cat <<EOF | tee "$WORK/ingest-result.md"

### Bulk ingest, $N records (batch $BATCH, $CONC concurrent requests) — $(date -u +%Y-%m-%dT%H:%MZ)

| path | seconds | records/s | ratio to COPY |
|---|---|---|---|
| API: all batches answered | $posted | $(rate "$N" "$posted") | |
| **API incl. indexing (index count = DB count)** | **$indexed** | **$api_rate** | **$(echo "scale=1; $copy_rate / $api_rate" | bc)× slower** |
| COPY floor (same $rows rows, $((bytes / 1048576)) MiB CSV, 5 tables) | $copy_s | $copy_rate | 1 |

CPU seconds per 1000 records over the API run: server $cpu_server, PostgreSQL $cpu_pg, OpenSearch $cpu_os — in all
$cpu_all, i.e. at most $(echo "2000 / $cpu_all" | bc) records/s if 2 cores did nothing else (the load generator's own CPU not counted).

Created: $created of $N; datasets in DB $db_after, documents in index $idx_after; largest outbox backlog seen
$max_backlog rows; load average $load0 at start, $load1 at end (2 cores).
EOF
