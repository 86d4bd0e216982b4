#!/usr/bin/env bash
# Native HDF5 (org.bytedeco:hdf5 1.14.3) vs the harvester's jhdf reader over every file of testdata/nexus; prints Markdown.
# Needs the harvester installed: (cd ../.. && ./mvnw -B -q -o -pl harvester -am install -DskipTests)
# Usage: bench/hdf5-readers/run.sh [repeats=15] [warmup=5] [max-elements=16] [mutants-per-file=8]
set -euo pipefail
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# the repository's NeXus test set; APERTURE_TESTDATA=DIR reads another copy (e.g. ../shared/testdata/nexus)
data="${APERTURE_TESTDATA:-$(cd ../.. && pwd)/testdata/nexus}"
../../mvnw -B -q -o compile >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -cp "target/classes:$(cat target/bench.classpath)" io.aperture.bench.readers.ReadersBench \
  "$data" target/work "${1:-15}" "${2:-5}" "${3:-16}" "${4:-8}"
