#!/usr/bin/env bash
# A short soak of ingest and search together (issue #14): MINUTES (default 10) of one batch of 20 synthetic records per
# second through the ingest API and two anonymous search clients, sampling the server's RSS, heap, throughput, latency
# and errors every 15 s into a CSV (Soak.java), then a plot of it (gnuplot, when installed). Loopback only, bounded by
# MINUTES, meant to run niced, after search-load.sh (it reuses that run's query plan):
#
#   nice -n 10 bench/scale/soak.sh [MINUTES=10]
set -euo pipefail
MINUTES="${1:-10}"
source "$(dirname "$0")/setup.sh"
trap 'stop_server; stop_stack' EXIT
[ -f "$WORK/load-plan.tsv" ] || { echo "run search-load.sh first: its query plan $WORK/load-plan.tsv is missing" >&2; exit 1; }
start_server
csv="$WORK/soak.csv"
echo "soak of $MINUTES minutes from $(date -u +%Y-%m-%dT%H:%MZ) over $(scalar 'SELECT count(*) FROM dataset') datasets, load average $(cut -d' ' -f1 /proc/loadavg)"
java -cp "$(record_classpath)" "$ROOT/bench/scale/Soak.java" "$SERVER" "$APERTURE_OIDC_URL/protocol/openid-connect/token" \
    "$WORK/load-plan.tsv" "$MINUTES" "$(cat "$WORK/server.pid")" "$((10000000 + $(scalar 'SELECT count(*) FROM dataset')))" 20 "$csv"
echo "datasets $(scalar 'SELECT count(*) FROM dataset'), search outbox backlog $(scalar 'SELECT count(*) FROM search_outbox'), load average $(cut -d' ' -f1 /proc/loadavg)"
if command -v gnuplot >/dev/null; then
  gnuplot <<PLOT
set terminal pngcairo size 1000,700 noenhanced
set output "$WORK/soak.png"
set datafile separator ","
set key autotitle columnhead
set multiplot layout 3,1
set ylabel "MiB"
plot "$csv" using 1:2 with lines, "" using 1:3 with lines, "" using 1:4 with lines
set ylabel "ms"
plot "$csv" using 1:8 with lines, "" using 1:9 with lines
set ylabel "per s"
set xlabel "seconds"
plot "$csv" using 1:5 with lines, "" using 1:7 with lines, "" using 1:6 with lines, "" using 1:10 with lines
unset multiplot
PLOT
  echo "plot: $WORK/soak.png"
fi
