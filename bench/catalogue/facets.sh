#!/usr/bin/env bash
# What facet counting costs a search page: the same anonymous GET /api/search with facets (the default) and with
# facets=false, interleaved request by request (SearchBench.java), for a first page of everything, a full-text query
# and the page after hit 10 000 (search_after). The PaNOSC API and clients paging through results use facets=false.
#
#   STACK_ENV=/tmp/me-stack.env bench/catalogue/facets.sh [WARMUP=20] [ROUNDS=100]
source "$(dirname "$0")/lib.sh"
WARMUP="${1:-20}"
ROUNDS="${2:-100}"
trap stop_server EXIT
stop_server
db="$(scalar 'SELECT count(*) FROM dataset')"
start_server
after=""
for _ in $(seq 1 100); do
  after="$(curl -sf "$SERVER/api/search?sort=newest&size=100&facets=false${after:+&after=$after}" | jq -r .next)"
done
plan="$WORK/facets-plan.tsv"; : >"$plan"
for q in "1-first-page|sort=newest&size=20" "2-fulltext|q=lysozyme&size=20" "3-deep-page-10000|sort=newest&size=20&after=$after"; do
  name="${q%%|*}"; params="${q#*|}"
  printf 'facets\t%s\tGET\t%s\t-\t-\n' "$name" "$SERVER/api/search?$params" >>"$plan"
  printf 'no-facets\t%s\tGET\t%s\t-\t-\n' "$name" "$SERVER/api/search?$params&facets=false" >>"$plan"
done
load0="$(cut -d' ' -f1 /proc/loadavg)"
java "$HERE/SearchBench.java" "$plan" "$WARMUP" "$ROUNDS" 1 >"$WORK/facets.out"
echo
echo "### Facet counting over $db datasets — $(date -u +%Y-%m-%dT%H:%MZ) (load $load0 at start, $(cut -d' ' -f1 /proc/loadavg) at end)"
echo
sed -n '/^|/p' "$WORK/facets.out"
