#!/usr/bin/env bash
# Coverage-guided fuzzing of the harvester with Jazzer (docs/fuzzing.md).
#
#   harvester/fuzz.sh [DURATION] [SEED...]
#
# DURATION is Jazzer's syntax (default 10m: 30s, 10m, 1h). The committed inputs of HarvestFuzzTest are always
# seeds; each SEED (a file or a directory, default: six licensed files of testdata/nexus) is copied into
# Jazzer's working corpus (harvester/.cifuzz-corpus, not committed) so files that may not be committed still seed
# the run. Findings are written by Jazzer into
# harvester/src/test/resources/io/aperture/harvester/fuzz/HarvestFuzzTestInputs/harvestedOrRefused/ (crash-*),
# where a normal `mvn test` replays them. The heap is capped so an absurd allocation shows as an OutOfMemoryError.
# Output goes to harvester/target/fuzz-<time>.log; the exec count is in its last "#N DONE" / "stat::" lines.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
duration="${1:-10m}"
shift || true
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

corpus="$here/.cifuzz-corpus/io.aperture.harvester.fuzz.HarvestFuzzTest/harvestedOrRefused"
mkdir -p "$corpus"
if [ "$#" -eq 0 ]; then
    # Only files whose licence allows derived copies in this repository (Savu: Apache-2.0; NeXus definitions
    # examples: LGPL), so every crash-* input Jazzer writes may be committed. See docs/fuzzing.md.
    data="$repo/testdata/nexus"
    set -- "$data/processed/savu_b16_pipeline.nxs" "$data/processed/savu_24737_processed.nxs" \
           "$data/tomo/dls_i13_24888.nxs" "$data/links/external_master.hdf5" "$data/links/external_counts.hdf5" \
           "$data/links/epics_areadetector_example.h5"
fi
for seed in "$@"; do
    if [ -d "$seed" ]; then
        find "$seed" -maxdepth 1 -type f -size -256k -exec cp {} "$corpus/" \;
    elif [ -f "$seed" ]; then
        cp "$seed" "$corpus/seed-$(basename "$seed")"
    else
        echo "fuzz.sh: no such seed: $seed" >&2
    fi
done

mkdir -p "$here/target"
# replay exactly the committed inputs: resources copying never deletes a crash-* file removed from the sources
rm -rf "$here/target/test-classes/io/aperture/harvester/fuzz/HarvestFuzzTestInputs"
log="$here/target/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "fuzzing for $duration, corpus $corpus ($(ls "$corpus" | wc -l) files), log $log"
cd "$repo"
# keep_going: report up to 100 distinct findings (deduplicated by stack trace) instead of stopping at the first.
# hooks=true: the normal test run turns Jazzer's hooks off, and without them the fuzzing mode installs no coverage
# instrumentation at all.
JAZZER_FUZZ=1 ./mvnw -B -o -q -pl harvester test -Dtest=HarvestFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="$duration" -Djazzer.keep_going=100 -Djazzer.hooks=true \
    -Djazzer.instrumentation_includes='io.aperture.harvester.**:io.jhdf.**' \
    -DargLine="-Xmx768m -Xss1m -XX:+EnableDynamicAgentLoading" -Daperture.fuzz.timeLimitMs=10000 \
    -Dsurefire.timeout=0 -Dsurefire.useManifestOnlyJar=false >"$log" 2>&1 || true
grep -E 'DONE|stat::number_of_executed_units|stat::average_exec_per_sec|== Java Exception|FuzzTestFinding|crash-' "$log" | head -60 || true
echo "fuzz.sh: log $log"
