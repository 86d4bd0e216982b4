#!/usr/bin/env bash
# The portal's search page against the API (issue #13): the same query, the same parser and the same engine request,
# once rendered server-side as the HTML search page (GET /?…) and once as JSON (GET /api/search?…), interleaved request
# by request in one run (bench/catalogue/SearchBench.java), so page/API is the page's own overhead: the template,
# facet and paging views, highlighting markup, the catalogue's JSON-LD. The catalogue is topped up with the catalogue
# benchmark's own loader (bench/catalogue/generate-1m.sh → generate.sql, then indexed through the real outbox).
#
#   bench/portal/run.sh [TARGET=100000] [WARMUP=20] [ROUNDS=100] [CONCURRENCY=1]
#
# Without STACK_ENV it starts its own stack (data in $BENCH_WORK/stack, ports 46442/49310/48290/46682 and HTTP 8096:
# none of the test or other benchmarks' ports) and stops it at the end; run it again with a larger TARGET on the same
# BENCH_WORK to top the same catalogue up (100 000, then 1 000 000). Needs a build:
# ./mvnw -q -o -pl portal,stack -am install -DskipTests.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CAT="$ROOT/bench/catalogue"
TARGET="${1:-100000}"
WARMUP="${2:-20}"
ROUNDS="${3:-100}"
CONC="${4:-1}"
export BENCH_WORK="${BENCH_WORK:-/tmp/aperture-bench-portal}"
export APERTURE_HTTP_PORT="${APERTURE_HTTP_PORT:-8096}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
source "$CAT/own-stack.sh"
own_stack 46442 49310 48290 46682
trap stop_stack EXIT

bash "$CAT/generate-1m.sh" "$TARGET" 100000

source "$CAT/lib.sh"
trap 'stop_server; stop_stack' EXIT
db="$(scalar 'SELECT count(*) FROM dataset')"
public="$(scalar "SELECT count(*) FROM dataset WHERE access_state = 'RELEASED'")"
# what a visitor does on the page: the catalogue search's mix, and a numbered page further down (the page's paging;
# cursors are the API's)
declare -A MIX=()
search_mix
MIX[6-page-50]="sort=newest&page=50"

start_server
plan="$WORK/portal-plan.tsv"; : >"$plan"
for q in $(printf '%s\n' "${!MIX[@]}" | sort); do
  api="$SERVER/api/search?${MIX[$q]}&size=20"
  page="$SERVER/?${MIX[$q]}&size=20"
  total="$(curl -sf "$api" | jq .total)"
  # the page must show the same result: its count of hits is the API's total
  html="$(curl -sf -H 'Accept: text/html' "$page")"
  shown="$(sed -nE 's#.*<span id="total">([0-9]+)</span>.*#\1#p' <<<"$html" | head -1)"
  [ "${shown:-0}" = "$total" ] || { echo "the page for $q shows ${shown:-no} total, the API $total" >&2; exit 1; }
  echo "$q: $total hits, page $(wc -c <<<"$html") bytes" >&2
  printf 'page\t%s\tGET\t%s\t-\t-\n' "$q" "$page" >>"$plan"
  printf 'API\t%s\tGET\t%s\t-\t-\n' "$q" "$api" >>"$plan"
done

load0="$(cut -d' ' -f1 /proc/loadavg)"
java "$CAT/SearchBench.java" "$plan" "$WARMUP" "$ROUNDS" "$CONC" >"$WORK/portal-$CONC.out"
m_page="$(sed -n 's/^median_ms.page=//p' "$WORK/portal-$CONC.out")"; m_api="$(sed -n 's/^median_ms.API=//p' "$WORK/portal-$CONC.out")"
p_page="$(sed -n 's/^p99_ms.page=//p' "$WORK/portal-$CONC.out")"; p_api="$(sed -n 's/^p99_ms.API=//p' "$WORK/portal-$CONC.out")"
{
  echo
  echo "### Search page vs /api/search over $db datasets ($public public) — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Query mix: $(printf '%s\n' "${!MIX[@]}" | sort | tr '\n' ' '); anonymous; $WARMUP warm-up rounds, then $ROUNDS rounds,"
  echo "concurrency $CONC; load average $load0 at start, $(cut -d' ' -f1 /proc/loadavg) at end (2 cores). Cells: median / p99 in ms."
  echo
  sed -n '/^|/p' "$WORK/portal-$CONC.out"
  echo
  echo "- page/API at the median $(echo "scale=2; $m_page / $m_api" | bc), at p99 $(echo "scale=2; $p_page / $p_api" | bc)"
} | tee "$WORK/portal-result.md"
