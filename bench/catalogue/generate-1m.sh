#!/usr/bin/env bash
# Tops the catalogue up to TARGET datasets (default 1 000 000) with generate.sql (SQL straight into PostgreSQL, the
# real schema, shaped like the harvester's SyntheticRecords), CHUNK datasets per transaction, with the server stopped; then
# starts the server and times the real indexing path — the search outbox drained by OutboxIndexer — until the index
# holds as many documents as the database. Prints a Markdown table.
#
#   STACK_ENV=/tmp/me-stack.env bench/catalogue/generate-1m.sh [TARGET=1000000] [CHUNK=100000]
source "$(dirname "$0")/lib.sh"
TARGET="${1:-1000000}"
CHUNK="${2:-100000}"
trap stop_server EXIT
stop_server
# an empty database gets its schema from the server's Flyway migrations
if [ -z "$(scalar "SELECT to_regclass('public.dataset')")" ]; then start_server; stop_server; fi

have="$(scalar 'SELECT count(*) FROM dataset')"
[ "$have" -lt "$TARGET" ] || { echo "the catalogue has $have datasets already (target $TARGET)"; }
# synthetic numbers continue after the highest scan number generated so far (ingest.sh and earlier runs)
next="$(scalar "SELECT coalesce(max(scan_number::bigint) - 100000 + 1, 0) FROM dataset WHERE scan_number ~ '^1[0-9]{5,}$'")"
todo=$((TARGET - have))
t0="$(now_ms)"
while [ "$todo" -gt 0 ]; do
  n=$(( todo < CHUNK ? todo : CHUNK ))
  psqlq -v from="$next" -v to="$((next + n))" -f "$HERE/generate.sql" >/dev/null
  next=$((next + n)); todo=$((todo - n))
  echo "generated up to $next ($(scalar 'SELECT count(*) FROM dataset') datasets)" >&2
done
t1="$(now_ms)"
psqlq -c "VACUUM ANALYZE" >/dev/null
db="$(scalar 'SELECT count(*) FROM dataset')"
queued="$(scalar 'SELECT count(*) FROM search_outbox')"
idx0="$(index_count)"
load0="$(cut -d' ' -f1 /proc/loadavg)"

start_server
t2="$(now_ms)"
( while :; do echo "$(date +%s) $(index_count)"; sleep 10; done ) >"$WORK/index-progress.log" &
SAMPLER=$!
wait_index_caught_up
t3="$(now_ms)"
kill "$SAMPLER" 2>/dev/null || true
idx="$(index_count)"
gen_s="$(echo "scale=1; ($t1 - $t0) / 1000" | bc)"
index_s="$(echo "scale=1; ($t3 - $t2) / 1000" | bc)"
docs=$((idx - idx0))
cat <<EOF | tee "$WORK/generate-result.md"

### Generated catalogue, $db datasets — $(date -u +%Y-%m-%dT%H:%MZ)

| step | seconds | rate |
|---|---|---|
| generate.sql, $((db - have)) datasets (+13 parameters, 2–5 files, 1 technique each) | $gen_s | $(echo "($db - $have) * 1000 / ($t1 - $t0)" | bc) datasets/s |
| indexing through the outbox (OutboxIndexer), $docs documents, from server ready to index = DB | $index_s | $(echo "$docs * 1000 / ($t3 - $t2)" | bc) documents/s |

Outbox rows queued: $queued; index documents before $idx0, after $idx; database size $(scalar "SELECT pg_size_pretty(pg_database_size('aperture'))");
index size $(search_curl -sf "$SEARCH/_cat/indices/dataset*?h=store.size" | tr -d ' \n'); load average $load0 when indexing started (2 cores).
EOF
