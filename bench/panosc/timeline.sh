#!/usr/bin/env bash
# Where a /api/Datasets request's time goes on the server, phase by phase (issue #12), beside what the client sees for
# the API and for the raw engine request. Needs a build with bench/panosc/timeline.patch applied (measurement only,
# never committed to main's code):
#
#   git worktree add /tmp/tl HEAD && cd /tmp/tl && git apply bench/panosc/timeline.patch \
#     && ./mvnw -q -o -pl portal -am package -DskipTests && cp -r portal/target/quarkus-app /tmp/tl-app
#   STACK_ENV=… BENCH_WORK=… APERTURE_HTTP_PORT=… bench/panosc/timeline.sh /tmp/tl-app [ROUNDS=2000]
#
# (BENCH_WORK and APERTURE_HTTP_PORT as for the run.sh run that wrote $BENCH_WORK/panosc-plan.tsv.) The server runs on
# port 8097 with the rate limit off. 500 rounds of the whole mix warm it up; then each query alone, ROUNDS times, its API
# request interleaved with its raw one. The instrumented server prints the medians of every 2 000 requests it answered.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CAT="$HERE/../catalogue"
APP="$(cd "$1" && pwd)"
ROUNDS="${2:-2000}"
source "$CAT/lib.sh"
[ -f "$WORK/panosc-plan.tsv" ] || { echo "no $WORK/panosc-plan.tsv: run bench/panosc/run.sh first" >&2; exit 1; }
[ "$ROUNDS" = 2000 ] || echo "note: the server prints per 2 000 requests; other ROUNDS mix queries in one line" >&2

APERTURE_RATE_LIMIT_REQUESTS=0 APERTURE_HTTP_PORT=8097 java -Xmx512m -jar "$APP/quarkus-run.jar" >"$WORK/timeline-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:8097/q/health/ready" && break; sleep 0.5; done

plan="$WORK/timeline-plan.tsv"
awk -F'\t' -v api=":$HTTP_PORT" 'BEGIN { OFS = "\t" } $1 == "API" { sub(api, ":8097", $4); print } $1 == "raw" { print }' \
  "$WORK/panosc-plan.tsv" >"$plan"
load0="$(cut -d' ' -f1 /proc/loadavg)"
java "$CAT/SearchBench.java" "$plan" 0 500 1 >/dev/null
{
  echo "$APP; each query alone, $ROUNDS rounds after 500 of the whole mix; load average $load0 at start."
  echo
  echo "| query | client: API / raw median ms | server phases, median ms |"
  echo "|---|---|---|"
  for q in $(cut -f2 "$plan" | awk '!seen[$0]++'); do
    awk -F'\t' -v q="$q" '$2 == q' "$plan" >"$WORK/timeline-$q.tsv"
    out="$(java "$CAT/SearchBench.java" "$WORK/timeline-$q.tsv" 0 "$ROUNDS" 1)"
    sleep 1
    phases="$(grep TIMELINE "$WORK/timeline-server.log" | tail -1 | sed 's/.*TIMELINE //')"
    echo "| $q | $(sed -n 's/^median_ms.API=//p' <<<"$out") / $(sed -n 's/^median_ms.raw=//p' <<<"$out") | $phases |"
  done
} | tee "$WORK/timeline-result.md"
