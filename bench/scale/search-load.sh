#!/usr/bin/env bash
# Anonymous search at rising concurrency (issue #14), with the raw OpenSearch query mix as the ceiling in the same run:
# fills the catalogue up to RECORDS synthetic datasets (bench/catalogue/IngestBench.java), records the engine requests
# of the anonymous query mix (bench/catalogue/search.sh, one short round: its capture proxy), then SearchLoad.java at
# each concurrency for SECONDS per target. Loopback only, bounded, meant to run niced:
#
#   nice -n 10 bench/scale/search-load.sh [RECORDS=20000] [SECONDS=15] [CONCURRENCY="1 2 4 8 16 32"]
#
# Same stack and server settings as broker-latency.sh (BENCH_WORK, default /tmp/aperture-bench-scale; port 8093).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export BENCH_WORK="${BENCH_WORK:-/tmp/aperture-bench-scale}"
export APERTURE_HTTP_PORT="${APERTURE_HTTP_PORT:-8093}"
RECORDS="${1:-20000}"
SECONDS_PER_LEVEL="${2:-15}"
CONCS="${3:-1 2 4 8 16 32}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
source "$ROOT/bench/catalogue/own-stack.sh"
own_stack 47432 49400 48380 47672
source "$ROOT/bench/catalogue/lib.sh"
trap 'stop_server; stop_stack' EXIT

have="$(scalar 'SELECT count(*) FROM dataset')"
if [ "$have" -lt "$RECORDS" ]; then
  start_server
  java -cp "$(record_classpath)" "$ROOT/bench/catalogue/IngestBench.java" "$SERVER" "$APERTURE_OIDC_URL/protocol/openid-connect/token" \
      "$SEARCH" "$have" "$((RECORDS - have))" 500 2 "$RECORDS" >"$WORK/fill.out"
  stop_server
fi
# the plan: each API query of the mix and the engine request it made (search.sh stops its server when done)
"$ROOT/bench/catalogue/search.sh" 1 1 1 >"$WORK/plan-run.out" 2>&1
start_server
db="$(scalar 'SELECT count(*) FROM dataset')"
out="$WORK/search-load.md"
{
  echo
  echo "### Anonymous search at rising concurrency over $db datasets — $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1 /proc/loadavg) at start"
  echo
  java "$ROOT/bench/scale/SearchLoad.java" "$WORK/search-plan.tsv" "$SECONDS_PER_LEVEL" "$CONCS"
  echo
  echo "load average at the end $(cut -d' ' -f1 /proc/loadavg)"
} | tee "$out"
