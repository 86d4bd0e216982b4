#!/usr/bin/env bash
# PaNOSC federated search latency (issue #12): the federation's query mix — free text, a technique by PaNET term (deep),
# a parameter range with a unit, and includes attached — through GET /api/Datasets and, interleaved in the same run,
# the very OpenSearch request the server made for it (taken from a recording proxy, as bench/catalogue/search.sh does:
# nothing rewritten by hand). The catalogue is topped up with the catalogue benchmark's own loader
# (bench/catalogue/generate-1m.sh → generate.sql, then indexed through the real outbox), not a second one.
#
#   bench/panosc/run.sh [TARGET=1000000] [WARMUP=2000] [ROUNDS=200] [CONCURRENCY=1]
#   MEASURE_ONLY=1 STACK_ENV=… bench/panosc/run.sh - [WARMUP] [ROUNDS] [CONCURRENCY]   (the catalogue as it is)
#
# Without STACK_ENV it starts its own stack (data in $BENCH_WORK/stack, ports 45442/49210/48190/45682, none of the
# test ports) and stops it at the end. Needs a build: ./mvnw -q -o -pl portal,stack -am install -DskipTests.
# The API's answer also reads the database (the rows and the attached relations): the raw request is only the engine's
# part, so API/raw is the whole cost of the API over the engine.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CAT="$ROOT/bench/catalogue"
TARGET="${1:-1000000}"
# the server is a fresh JVM and the engine a long-running one: 20 warm-up rounds left C2 compiling the server's path
# during the measurement (a profile of session 12). Over its start and 700 rounds, the compiler threads still took a
# third of the server's CPU (session 14's profile); with 2 000 rounds, the same build measured the API 20 % and the
# engine 13 % faster than with 300: both answer as they do after running for a while (docs/performance.md)
WARMUP="${2:-2000}"
ROUNDS="${3:-200}"
CONC="${4:-1}"
export BENCH_WORK="${BENCH_WORK:-/tmp/aperture-bench-panosc}"
export APERTURE_HTTP_PORT="${APERTURE_HTTP_PORT:-8095}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
source "$CAT/own-stack.sh"
own_stack 45442 49210 48190 45682
trap stop_stack EXIT

# MEASURE_ONLY=1: measure the catalogue as it is (no top-up, no wait for the index to hold every dataset) — for a run
# whose indexing could not finish in its time; say then how many datasets the index held (printed below).
if [ "${MEASURE_ONLY:-0}" != 1 ]; then
  bash "$CAT/generate-1m.sh" "$TARGET" 100000
fi

source "$CAT/lib.sh"
trap 'stop_server; kill ${PROXY:-0} 2>/dev/null || true; stop_stack' EXIT
db="$(scalar 'SELECT count(*) FROM dataset')"
public="$(scalar "SELECT count(*) FROM dataset WHERE access_state = 'RELEASED'")"
indexed="$(index_count)"
# a force-merged (read-only) index answers faster than one that takes writes: the result says which was measured
segments="$(search_curl -sf "$SEARCH/_cat/segments/dataset-read?h=segment" | wc -l)"
P=http://purl.org/pan-science/PaNET/PaNET
declare -A MIX=(
  [1-text]='{"query": "lysozyme", "limit": 50}'
  [2-text+technique-deep]='{"query": "lysozyme", "limit": 50, "include": [{"relation": "techniques", "scope": {"where": {"name": "small angle scattering"}}}]}'
  [3-technique+parameter-range]='{"limit": 50, "include": [{"relation": "techniques", "scope": {"where": {"pid": "'$P'01196"}}},
     {"relation": "parameters", "scope": {"where": {"and": [{"name": "incident_wavelength"}, {"value": {"between": ["1.3", "1.7"]}}, {"unit": "angstrom"}]}}}]}'
  [4-federated-mix]='{"query": "lysozyme", "limit": 50, "include": [{"relation": "techniques", "scope": {"where": {"pid": "'$P'01164"}}},
     {"relation": "parameters", "scope": {"where": {"and": [{"name": "sample_temperature"}, {"value": {"between": ["-180", "-170"]}}, {"unit": "celsius"}]}}},
     {"relation": "instrument"}]}'
)

# --- capture the engine request of each API query -------------------------------------------------------------------
# "relay" is a third target: the same raw request through Relay.java, a Vert.x server that only passes bytes on — what
# any HTTP service between the caller and the engine costs here, before it does any work; "relay-json" a fourth: the
# relay that also parses the answer once and writes the hits back (the least JSON work an API does)
RELAY_PORT="${RELAY_PORT:-$((HTTP_PORT + 200))}"
CAPTURE_PORT="${CAPTURE_PORT:-$((HTTP_PORT + 100))}"
CAPTURED="$WORK/captured.tsv"; : >"$CAPTURED"
java "$CAT/CaptureProxy.java" "$CAPTURE_PORT" "$SEARCH" "$CAPTURED" >"$WORK/proxy.log" 2>&1 &
PROXY=$!
for _ in $(seq 1 60); do grep -q "capture proxy" "$WORK/proxy.log" && break; sleep 0.5; done
APERTURE_SEARCH_HOSTS="127.0.0.1:$CAPTURE_PORT" start_server
plan="$WORK/panosc-plan.tsv"; : >"$plan"; : >"$WORK/raw-queries.txt"
for q in $(printf '%s\n' "${!MIX[@]}" | sort); do
  filter="$(jq -c . <<<"${MIX[$q]}")"
  url="$SERVER/api/Datasets?filter=$(enc "$filter")"
  before="$(wc -l <"$CAPTURED")"
  n="$(curl -sf "$url" | jq length)"
  [ "$(wc -l <"$CAPTURED")" -eq "$((before + 1))" ] || { echo "expected one engine request for $q" >&2; exit 1; }
  IFS=$'\t' read -r _ pathq reqbody < <(tail -1 "$CAPTURED")
  echo "$q: $n datasets" >&2
  printf 'API\t%s\tGET\t%s\t-\t-\n' "$q" "$url" >>"$plan"
  printf 'raw\t%s\tPOST\t%s\t-\t%s\n' "$q" "$SEARCH$pathq" "$reqbody" >>"$plan"
  printf 'relay\t%s\tPOST\t%s\t-\t%s\n' "$q" "http://127.0.0.1:$RELAY_PORT$pathq" "$reqbody" >>"$plan"
  printf 'relay-json\t%s\tPOST\t%s\t-\t%s\n' "$q" "http://127.0.0.1:$((RELAY_PORT + 1))$pathq" "$reqbody" >>"$plan"
  echo "$q ($n datasets): GET /api/Datasets?filter=$filter | POST $pathq $reqbody" >>"$WORK/raw-queries.txt"
done
stop_server
kill "$PROXY" 2>/dev/null || true

# --- measure ------------------------------------------------------------------------------------------------------
start_server
# the relays run on the server's own Vert.x, Netty and Jackson (the jars of the build under test)
RELAY_CP="$(ls "$WORK"/app/lib/main/io.vertx.vertx-core-*.jar "$WORK"/app/lib/main/io.netty.netty-*.jar \
    "$WORK"/app/lib/main/com.fasterxml.jackson.core.jackson-*.jar | tr '\n' ':')"
: >"$WORK/relay.log"; : >"$WORK/relay-json.log"
java -cp "$RELAY_CP" "$ROOT/bench/panosc/Relay.java" "$RELAY_PORT" "$SEARCH" >"$WORK/relay.log" 2>&1 &
RELAY=$!
java -cp "$RELAY_CP" "$ROOT/bench/panosc/Relay.java" "$((RELAY_PORT + 1))" "$SEARCH" json >"$WORK/relay-json.log" 2>&1 &
RELAY_JSON=$!
trap 'stop_server; kill ${PROXY:-0} ${RELAY:-0} ${RELAY_JSON:-0} 2>/dev/null || true; stop_stack' EXIT
for log in relay relay-json; do
  for _ in $(seq 1 60); do grep -q "listening" "$WORK/$log.log" && break; sleep 0.5; done
  grep -q "listening" "$WORK/$log.log" || { cat "$WORK/$log.log" >&2; exit 1; }
done
load0="$(cut -d' ' -f1 /proc/loadavg)"
java "$CAT/SearchBench.java" "$plan" "$WARMUP" "$ROUNDS" "$CONC" >"$WORK/panosc-$CONC.out"
m_api="$(sed -n 's/^median_ms.API=//p' "$WORK/panosc-$CONC.out")"; m_raw="$(sed -n 's/^median_ms.raw=//p' "$WORK/panosc-$CONC.out")"
p_api="$(sed -n 's/^p99_ms.API=//p' "$WORK/panosc-$CONC.out")"
m_relay="$(sed -n 's/^median_ms.relay=//p' "$WORK/panosc-$CONC.out")"
m_json="$(sed -n 's/^median_ms.relay-json=//p' "$WORK/panosc-$CONC.out")"
{
  echo
  echo "### PaNOSC /api/Datasets over $db datasets ($public public), $indexed in the index ($segments segments) — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Query mix: $(printf '%s\n' "${!MIX[@]}" | sort | tr '\n' ' '); $WARMUP warm-up rounds, then $ROUNDS rounds, concurrency $CONC;"
  echo "load average $load0 at start, $(cut -d' ' -f1 /proc/loadavg) at end (2 cores). Cells: median / p99 in ms."
  echo
  sed -n '/^|/p' "$WORK/panosc-$CONC.out"
  echo
  echo "- API/raw at the median $(echo "scale=2; $m_api / $m_raw" | bc) (target ≤ 1.3); API p99 $p_api ms (target ≤ 150)"
  echo "- relay/raw at the median $(echo "scale=2; $m_relay / $m_raw" | bc): the floor of any service in between (Relay.java)"
  echo "- relay-json/raw at the median $(echo "scale=2; $m_json / $m_raw" | bc): that floor with the answer parsed once and written back (Relay.java json)"
} | tee "$WORK/panosc-result.md"
