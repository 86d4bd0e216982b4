#!/usr/bin/env bash
# Broker message → searchable latency (issue #14): N "scan finished" messages for N real NeXus files sent at RATE per
# second to the stack's Artemis queue, harvested by one, then two `harvest watch` processes sharing the queue, ingested
# by one server (the production jar, as ./aperture start runs it) and indexed by its outbox indexer. Per file: from
# the message being sent to its datasets being found by a search in OpenSearch (BrokerLatency.java). Loopback only,
# bounded (each run stops after 600 s), and meant to run niced:
#
#   nice -n 10 bench/scale/broker-latency.sh [N=1000] [RATE=20] [HARVESTERS="1 2"]
#
# Starts its own stack (bench/catalogue/own-stack.sh, ports 47432/49400/48380/47672, data in BENCH_WORK, default
# /tmp/aperture-bench-scale) unless STACK_ENV names a running one, and the server on APERTURE_HTTP_PORT (8093).
# Needs a built portal and harvester: ./mvnw -B -q -o -pl portal,harvester -am install -DskipTests
set -euo pipefail
N="${1:-1000}"
RATE="${2:-20}"
HARVESTERS="${3:-1 2}"
source "$(dirname "$0")/setup.sh"
PG_JAR="$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)"
HPIDS=()
stop_harvesters() { for p in "${HPIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${HPIDS[@]}"; do wait "$p" 2>/dev/null || true; done; HPIDS=(); }
trap 'stop_harvesters; stop_server; stop_stack' EXIT
start_server
out="$WORK/broker-latency.md"
{
  echo
  echo "### Broker → searchable, $N scans at $RATE/s — $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1 /proc/loadavg) at start"
  echo
  echo "| harvesters | to the database median / p99 ms | searchable median / p90 / p99 / max ms | all searchable after s | files/s | datasets | each once |"
  echo "|---|---|---|---|---|---|---|"
} | tee "$out"
for m in $HARVESTERS; do
  # a folder of its own per run: the same paths on the same stack would be catalogued already
  run="$WORK/run-$(date +%s)-$m"; mkdir -p "$run/files"
  for h in $(seq 1 "$m"); do
    java -cp "$(record_classpath)" io.aperture.harvester.cli.HarvestMain watch \
        --amqp-url "amqp://127.0.0.1:$APERTURE_AMQP_PORT" --amqp-user "$APERTURE_AMQP_USER" --amqp-password "$APERTURE_AMQP_PASSWORD" \
        --server "$SERVER" --oidc-url "$APERTURE_OIDC_URL" --client-secret "${APERTURE_HARVESTER_SECRET:-harvester-secret}" \
        --state "$run/state-$h.json" --rescan PT1H --accept-under "$run/files" >"$run/harvester-$h.log" 2>&1 &
    HPIDS+=($!)
  done
  for h in $(seq 1 "$m"); do
    for _ in $(seq 1 120); do grep -qs "listening on" "$run/harvester-$h.log" && break; sleep 0.5; done
    grep -q "listening on" "$run/harvester-$h.log" || { tail -20 "$run/harvester-$h.log" >&2; exit 1; }
  done
  java -cp "$(record_classpath):$PG_JAR" "$ROOT/bench/scale/BrokerLatency.java" "$run/files" "$ROOT/examples/nexus" "$N" "$RATE" \
      127.0.0.1 "$APERTURE_AMQP_PORT" "$APERTURE_AMQP_SENDER_USER" "$APERTURE_AMQP_SENDER_PASSWORD" \
      "$APERTURE_DB_URL" "$APERTURE_DB_USER" "$APERTURE_DB_PASSWORD" "$SEARCH" 600 >"$run/result.out" || echo "run with $m harvesters: not all files searchable, or one catalogued twice (see $run/result.out)" >&2
  stop_harvesters
  v() { sed -n "s/^$1=//p" "$run/result.out"; }
  echo "| $m | $(v db_median_ms) / $(v db_p99_ms) | $(v searchable_median_ms) / $(v searchable_p90_ms) / $(v searchable_p99_ms) / $(v searchable_max_ms) | $(v searchable_all_seconds) | $(v files_per_second) | $(v datasets) | $(v each_once), $(v missing) missing |" | tee -a "$out"
done
