#!/usr/bin/env bash
# Harvester benchmarks; prints Markdown.
#  (a) side by side, same run, same files: the harvester (NexusHarvester in a warm JVM, JVM start excluded) versus
#      h5walk.py (h5py doing the equivalent walk), per-file medians, two alternating rounds; files/s on 1 and 2 threads.
#  (b) data-size independence: make_sized.py writes big.nxs (multi-GB deflated detector data) and tiny.nxs (same
#      file, 16x16 frame) under target/data (git-ignored); time ratio and bytes read per file.
# Needs the harvester installed ((cd ../.. && ./mvnw -B -q -o -pl harvester -am install -DskipTests)) and Debian's
# python3-h5py (apt-get install -y python3-h5py). Usage: bench/harvester/run.sh [repeats=21] [warmup=5] [frames=3000]
set -euo pipefail
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
repeats="${1:-21}" warmup="${2:-5}" frames="${3:-3000}"
# the repository's NeXus test set; APERTURE_TESTDATA=DIR reads another copy (e.g. ../shared/testdata/nexus)
data="${APERTURE_TESTDATA:-$(cd ../.. && pwd)/testdata/nexus}"
py=/usr/bin/python3
$py -c 'import h5py' 2>/dev/null || { echo "needs Debian python3-h5py: apt-get install -y python3-h5py" >&2; exit 1; }
../../mvnw -B -q -o compile >/dev/null
out=target/run; mkdir -p "$out"
java_run() { "$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:$(cat target/bench.classpath)" io.aperture.bench.harvester.HarvestBench "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# every file of the test set, in MANIFEST order
sed -n 's/^| `\([^`]*\)` |.*/\1/p' "$data/MANIFEST.md" | sed "s|^|$data/|" > "$out/files.txt"

echo "load_start	$(load)" > "$out/meta.tsv"
for round in 1 2; do
  java_run corpus "$out/files.txt" "$repeats" "$warmup" > "$out/java$round.tsv"
  $py h5walk.py corpus "$out/files.txt" "$repeats" "$warmup" > "$out/py$round.tsv"
  echo "load_round$round	$(load)" >> "$out/meta.tsv"
done
# typical master files: those the harvester turns into records
awk -F'\t' '$3 ~ /records$/ {print $1}' "$out/java1.tsv" > "$out/masters.txt"
for threads in 1 2; do
  java_run throughput "$out/masters.txt" "$threads" 10 > "$out/throughput$threads.tsv"
done
echo "load_throughput	$(load)" >> "$out/meta.tsv"

[ -f target/data/big.nxs ] && [ -f target/data/tiny.nxs ] || $py make_sized.py target/data "$frames" > "$out/sized.tsv"
java_run size "$PWD/target/data/big.nxs" "$PWD/target/data/tiny.nxs" "$repeats" > "$out/size_java.tsv"
$py h5walk.py size "$PWD/target/data/big.nxs" "$PWD/target/data/tiny.nxs" "$repeats" > "$out/size_py.tsv"
# a candidate change measured, not made: the harvester reading through a block cache (see RESULTS.md)
java_run cachecompare "$out/masters.txt" "$repeats" "$warmup" > "$out/cache.tsv"
echo "load_end	$(load)" >> "$out/meta.tsv"
$py report.py "$out" "$data" "$repeats" "$warmup"
