#!/usr/bin/env bash
# Cost of the conformance check against the harvest itself, same JVM, same run, same files: per file the medians
# of REPEATS rounds (after WARMUP rounds) of (a) the harvest without its check, (b) the check on the file the harvest just read, still
# open, as a check inside the harvest runs, (c) the check alone (harvest check, its own open); then the sums of the
# medians over the files the harvester accepts. The cost that counts is b / a. Prints Markdown. Installs this checkout's harvester first (~/.m2
# SNAPSHOTs may be another checkout's). Usage: bench/harvester/conformance.sh [repeats=21] [warmup=5]
set -euo pipefail
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
repeats="${1:-21}" warmup="${2:-5}"
data="${APERTURE_TESTDATA:-$(cd ../.. && pwd)/testdata/nexus}"
(cd ../.. && ./mvnw -B -q -o -pl harvester -am install -DskipTests) >/dev/null 2>&1
../../mvnw -B -q -o compile >/dev/null 2>&1
out=target/run; mkdir -p "$out"
sed -n 's/^| `\([^`]*\)` |.*/\1/p' "$data/MANIFEST.md" | sed "s|^|$data/|" > "$out/files.txt"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:$(cat target/bench.classpath)" io.aperture.bench.harvester.HarvestBench \
  conformance "$out/files.txt" "$repeats" "$warmup" > "$out/conformance.tsv"
load1=$(cut -d' ' -f1-3 /proc/loadavg)
echo "| file | a: harvest ms | b: check in the harvest ms | c: check alone ms | b / a | outcome |"
echo "|---|---:|---:|---:|---:|---|"
awk -F'\t' -v root="$data/" '{ f=$1; sub(root, "", f); r = $2 > 0 ? $3 / $2 : 0;
  printf "| `%s` | %.2f | %.2f | %.2f | %.0f %% | %s |\n", f, $2, $3, $4, 100 * r, $5 }' "$out/conformance.tsv"
awk -F'\t' '$5 != "refused" { a += $2; b += $3; c += $4; n++ } END {
  printf "\n%d files checked, sums of per-file medians: harvest %.1f ms, check in the harvest %.1f ms, check alone %.1f ms:\n", n, a, b, c
  printf "the check in the harvest costs %.0f %% of harvest time (alone, with its own open: %.0f %%)\n", 100 * b / a, 100 * c / a }' "$out/conformance.tsv"
echo "load average: $load0 before, $load1 after; repeats $repeats, warmup $warmup"
