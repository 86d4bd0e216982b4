#!/usr/bin/env bash
# Anonymous search at rising concurrency (issue #14), with the raw OpenSearch query mix as the ceiling in the same run:
# fills the catalogue up to RECORDS synthetic datasets (bench/catalogue/IngestBench.java), records the engine requests
# the anonymous query mix makes (bench/catalogue's CaptureProxy and query mix), then SearchLoad.java at each
# concurrency for SECONDS per target. The plan is kept in BENCH_WORK/load-plan.tsv (soak.sh uses it too). Loopback only, bounded, meant to run niced:
#
#   nice -n 10 bench/scale/search-load.sh [RECORDS=20000] [SECONDS=15] [CONCURRENCY="1 2 4 8 16 32"]
#
# Same stack and server settings as broker-latency.sh (BENCH_WORK, default /tmp/aperture-bench-scale; port 8093).
set -euo pipefail
RECORDS="${1:-20000}"
SECONDS_PER_LEVEL="${2:-15}"
CONCS="${3:-1 2 4 8 16 32}"
source "$(dirname "$0")/setup.sh"
trap 'stop_server; stop_stack' EXIT

have="$(scalar 'SELECT count(*) FROM dataset')"
if [ "$have" -lt "$RECORDS" ]; then
  start_server
  java -cp "$(record_classpath)" "$ROOT/bench/catalogue/IngestBench.java" "$SERVER" "$APERTURE_OIDC_URL/protocol/openid-connect/token" \
      "$SEARCH" "$have" "$((RECORDS - have))" 500 2 "$RECORDS" >"$WORK/fill.out"
  stop_server
fi
# the plan: each API query of the anonymous mix (lib.sh's search_mix) and the engine requests it made, recorded by
# bench/catalogue/CaptureProxy.java between the server and OpenSearch (a query with a facet selection makes two)
declare -A MIX=()
search_mix
CAPTURE_PORT="$((HTTP_PORT + 100))"
CAPTURED="$WORK/captured.tsv"; : >"$CAPTURED"
java "$ROOT/bench/catalogue/CaptureProxy.java" "$CAPTURE_PORT" "$SEARCH" "$CAPTURED" >"$WORK/proxy.log" 2>&1 &
PROXY=$!
trap 'stop_server; kill $PROXY 2>/dev/null || true; stop_stack' EXIT
for _ in $(seq 1 60); do grep -q "capture proxy" "$WORK/proxy.log" && break; sleep 0.5; done
APERTURE_SEARCH_HOSTS="127.0.0.1:$CAPTURE_PORT" start_server
plan="$WORK/load-plan.tsv"; : >"$plan"
for q in $(printf '%s\n' "${!MIX[@]}" | sort); do
  url="$SERVER/api/search?${MIX[$q]}"
  before="$(wc -l <"$CAPTURED")"
  echo "$q: $(curl -sf "$url" | jq .total) hits" >&2
  sleep 0.5 # the proxy writes its line after it has answered
  printf 'API anonymous\t%s\tGET\t%s\t-\t-\n' "$q" "$url" >>"$plan"
  tail -n +"$((before + 1))" "$CAPTURED" | while IFS=$'\t' read -r _ pathq reqbody; do
    printf 'raw anonymous\t%s\tPOST\t%s\t-\t%s\n' "$q" "$SEARCH$pathq" "$reqbody" >>"$plan"
  done
done
stop_server
kill "$PROXY" 2>/dev/null || true
start_server
db="$(scalar 'SELECT count(*) FROM dataset')"
out="$WORK/search-load.md"
{
  echo
  echo "### Anonymous search at rising concurrency over $db datasets — $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1 /proc/loadavg) at start"
  echo
  java "$ROOT/bench/scale/SearchLoad.java" "$plan" "$SECONDS_PER_LEVEL" "$CONCS"
  echo
  echo "load average at the end $(cut -d' ' -f1 /proc/loadavg)"
} | tee "$out"
