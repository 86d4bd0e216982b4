#!/usr/bin/env bash
# Measures `./aperture start`: seconds from launch to the "ready" line, and the resident memory of every process it
# started, summed once ready. The first run uses a fresh data folder (cold: Keycloak unpacks and builds itself,
# PostgreSQL runs initdb, OpenSearch creates its node); the next runs reuse it (warm). Downloads and the Maven build
# are done before timing starts. Usage: bench/start.sh [warm-runs, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
dir="$(mktemp -d /tmp/aperture-bench-XXXX)"
./aperture harvest --help >/dev/null 2>&1 || true   # builds if needed, outside the timing

tree_rss_kib() { # sum of RSS over a process and all its descendants
  local pids=("$1") all=() p
  while [ ${#pids[@]} -gt 0 ]; do
    p="${pids[0]}"; pids=("${pids[@]:1}"); all+=("$p")
    while read -r c; do [ -n "$c" ] && pids+=("$c"); done < <(ps -o pid= --ppid "$p" | tr -d ' ')
  done
  # pg_ctl daemonises PostgreSQL (its parent becomes init): add every process that names the data folder
  while read -r c; do all+=("$c"); done < <(pgrep -f "$dir" || true)
  ps -o rss= -p "$(printf '%s\n' "${all[@]}" | sort -u | paste -sd, -)" | awk '{s+=$1} END {print s}'
}

measure() {
  local log="$dir/run.log" t0 pid ready rss
  rm -f "$log"
  t0=$(date +%s.%N)
  APERTURE_DATA_DIR="$dir/data" ./aperture start >"$log" 2>&1 &
  pid=$!
  until grep -q "aperture: ready in" "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "start failed" >&2; exit 1; }
    sleep 0.2
  done
  ready=$(echo "$(date +%s.%N) - $t0" | bc)
  sleep 5   # let the example harvest and the first index writes settle
  rss=$(tree_rss_kib "$pid")
  kill -TERM "$pid"; wait "$pid" || true   # a background job ignores SIGINT in a script; ./aperture traps TERM too
  printf '%s %.1f %d\n' "$1" "$ready" "$((rss / 1024))"
}

echo "run seconds_to_ready rss_mib  ($(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1 /proc/loadavg))"
measure cold
for i in $(seq "$runs"); do measure "warm$i"; done
rm -rf "$dir"
