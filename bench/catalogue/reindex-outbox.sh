#!/usr/bin/env bash
# Indexing rate of the real path on an existing catalogue: drops the search index, queues every dataset in the
# search outbox (what the triggers queue for a changed dataset), starts the server (Hibernate Search creates the
# index) and times OutboxIndexer until the index holds as many documents as the database. Prints a Markdown table.
#
#   STACK_ENV=/tmp/me-stack.env bench/catalogue/reindex-outbox.sh
source "$(dirname "$0")/lib.sh"
trap stop_server EXIT
stop_server
db="$(scalar 'SELECT count(*) FROM dataset')"
search_curl -sf -XDELETE "$SEARCH/dataset-*" >/dev/null || true
psqlq -c "DELETE FROM search_outbox" -c "INSERT INTO search_outbox(dataset_id) SELECT id FROM dataset ORDER BY id" -c "VACUUM ANALYZE search_outbox"
load0="$(cut -d' ' -f1 /proc/loadavg)"
start_server
t0="$(now_ms)"
read -r cs0 cp0 co0 < <(cpu_seconds)
wait_index_caught_up
t1="$(now_ms)"
read -r cs1 cp1 co1 < <(cpu_seconds)
load1="$(cut -d' ' -f1 /proc/loadavg)"
per() { echo "scale=2; ($2 - $1) * 1000 / $db" | bc; }
cat <<MD | tee "$WORK/reindex-result.md"

### Indexing $db datasets through the outbox — $(date -u +%Y-%m-%dT%H:%MZ)

| from server ready to index count = DB count | seconds | documents/s | CPU-ms per document (server / PostgreSQL / OpenSearch) |
|---|---|---|---|
| OutboxIndexer, batch $(grep -m1 -oE '^aperture.index.outbox.batch-size=[0-9]+' "$ROOT/portal/src/main/resources/application.properties" | cut -d= -f2) | $(echo "scale=1; ($t1 - $t0) / 1000" | bc) | $(echo "$db * 1000 / ($t1 - $t0)" | bc) | $(per "$cs0" "$cs1") / $(per "$cp0" "$cp1") / $(per "$co0" "$co1") |

Load average $load0 before, $load1 after (2 cores); index size $(search_curl -sf "$SEARCH/_cat/indices/dataset*?h=store.size" | tr -d ' \n').
MD
