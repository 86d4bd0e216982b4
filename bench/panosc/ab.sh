#!/usr/bin/env bash
# Two builds of the server side by side on the same catalogue, the PaNOSC mix's requests interleaved with the raw
# engine requests in one run (issue #12): the difference between two builds measured as it happens, not from two runs
# on a shared, noisy machine. The plan is the one bench/panosc/run.sh wrote ($BENCH_WORK/panosc-plan.tsv: its API and
# raw rows, so both builds answer the very filters whose engine requests were recorded).
#
#   STACK_ENV=… BENCH_WORK=… APERTURE_HTTP_PORT=… bench/panosc/ab.sh A_APP_DIR B_APP_DIR [WARMUP=2000] [ROUNDS=200]
#   (BENCH_WORK and APERTURE_HTTP_PORT as for the run.sh run that wrote the plan)
#
# A_APP_DIR, B_APP_DIR: copies of portal/target/quarkus-app of the two builds (e.g. one built from a git worktree of
# the older commit). Ports 8097 (A) and 8098 (B). Both servers run with the rate limit off, as run.sh's server does.
# The same build on both sides has measured A − B = −0.09 ms: run a change twice, the builds swapped, and take both.
# A_ENV, B_ENV (optional): settings for one side's server only, as NAME=value words, e.g. B_ENV='JAVA_TOOL_OPTIONS=-XX:+UseSerialGC'
# or a runtime switch such as QUARKUS_HTTP_CORS_ENABLED=false: one build on both sides, differing by that setting alone.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CAT="$HERE/../catalogue"
A="$(cd "$1" && pwd)"
B="$(cd "$2" && pwd)"
WARMUP="${3:-2000}"
ROUNDS="${4:-200}"
source "$CAT/lib.sh"
[ -f "$WORK/panosc-plan.tsv" ] || { echo "no $WORK/panosc-plan.tsv: run bench/panosc/run.sh first" >&2; exit 1; }

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for side in A:8097 B:8098; do
  name="${side%%:*}" port="${side##*:}" app="$A"
  settings="${A_ENV:-}"
  [ "$name" = B ] && app="$B" && settings="${B_ENV:-}"
  # shellcheck disable=SC2086 # the settings are words by design
  env $settings APERTURE_RATE_LIMIT_REQUESTS=0 APERTURE_HTTP_PORT="$port" java -Xmx512m -jar "$app/quarkus-run.jar" >"$WORK/ab-$name.log" 2>&1 &
  pids+=($!)
done
for port in 8097 8098; do
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.5; done
  curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" || { echo "the server on $port did not start" >&2; exit 1; }
done

# each API row twice, once per build, then the raw row: the three targets alternate request by request
plan="$WORK/ab-plan.tsv"
awk -F'\t' -v api=":$HTTP_PORT" 'BEGIN { OFS = "\t" }
  $1 == "API" { a = $0; sub(api, ":8097", a); sub(/^API/, "A", a); print a
                b = $0; sub(api, ":8098", b); sub(/^API/, "B", b); print b }
  $1 == "raw" { print }' "$WORK/panosc-plan.tsv" >"$plan"
load0="$(cut -d' ' -f1 /proc/loadavg)"
java "$CAT/SearchBench.java" "$plan" "$WARMUP" "$ROUNDS" 1 >"$WORK/ab.out"
m() { sed -n "s/^median_ms.$1=//p" "$WORK/ab.out"; }
{
  echo "A: $A"
  echo "B: $B"
  [ -z "${A_ENV:-}${B_ENV:-}" ] || echo "A_ENV: ${A_ENV:-}; B_ENV: ${B_ENV:-}"
  echo "$WARMUP warm-up rounds, then $ROUNDS rounds; load average $load0 at start, $(cut -d' ' -f1 /proc/loadavg) at end."
  echo
  sed -n '/^|/p' "$WORK/ab.out"
  echo
  echo "- A/raw $(echo "scale=2; $(m A) / $(m raw)" | bc), B/raw $(echo "scale=2; $(m B) / $(m raw)" | bc), A − B $(echo "scale=2; $(m A) - $(m B)" | bc) ms at the median"
} | tee "$WORK/ab-result.md"
