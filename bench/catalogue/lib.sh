# Shared helpers of the catalogue benchmarks (sourced by ingest.sh, search.sh, generate-1m.sh).
# Expects: a running stack whose env file is $STACK_ENV (StackMain --env-file), and a built portal.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
STACK_ENV="${STACK_ENV:-$ROOT/.aperture/stack.env}"
WORK="${BENCH_WORK:-/tmp/aperture-bench-catalogue}"
HTTP_PORT="${APERTURE_HTTP_PORT:-8090}"
SERVER="http://127.0.0.1:$HTTP_PORT"
mkdir -p "$WORK"
[ -f "$STACK_ENV" ] || { echo "no stack env file at $STACK_ENV (start a stack with --env-file, set STACK_ENV)" >&2; exit 1; }
set -a; . "$STACK_ENV"; set +a
PG_PORT="$(sed -E 's#.*:([0-9]+)/.*#\1#' <<<"$APERTURE_DB_URL")"
SEARCH="http://${APERTURE_SEARCH_HOSTS%%,*}"
# the embedded node answers only the stack's account (env file); the Java programs add this header to engine requests
export APERTURE_SEARCH_AUTHORIZATION="Basic $(printf '%s:%s' "${APERTURE_SEARCH_USER:-}" "${APERTURE_SEARCH_PASSWORD:-}" | base64 -w0)"
search_curl() { curl -H "Authorization: $APERTURE_SEARCH_AUTHORIZATION" "$@"; }
export PGPASSWORD="$APERTURE_DB_PASSWORD"

psqlq() { psql -h 127.0.0.1 -p "$PG_PORT" -U "$APERTURE_DB_USER" -d aperture -X -q -v ON_ERROR_STOP=1 "$@"; }
scalar() { psqlq -At -c "$1"; }
now_ms() { date +%s%3N; }
index_count() { search_curl -sf "$SEARCH/dataset-read/_count" 2>/dev/null | jq -r .count 2>/dev/null || search_curl -sf "$SEARCH/dataset/_count" | jq -r .count; }

# The harvester's classes (SyntheticRecords, io.aperture.harvester.demo) and its classpath, which holds the shared
# record types and their JSON mapping (module record/); the harvester's build writes this classpath.
record_classpath() {
  [ -f "$ROOT/harvester/target/harvester.classpath" ] || { echo "build first: ./mvnw -B -q -o -pl portal,harvester -am install -DskipTests" >&2; exit 1; }
  echo "$ROOT/harvester/target/classes:$(cat "$ROOT/harvester/target/harvester.classpath")"
}

# Client-credentials token of the harvester (local realm secret), or a password-grant token of a realm user.
harvester_token() {
  curl -sf -d grant_type=client_credentials -d client_id=aperture-harvester -d client_secret="${APERTURE_HARVESTER_SECRET:-harvester-secret}" \
    "$APERTURE_OIDC_URL/protocol/openid-connect/token" | jq -r .access_token
}
user_office_token() {
  curl -sf -d grant_type=client_credentials -d client_id=aperture-user-office -d client_secret="${APERTURE_USER_OFFICE_SECRET:-user-office-secret}" \
    "$APERTURE_OIDC_URL/protocol/openid-connect/token" | jq -r .access_token
}
user_token() { # $1 user (password = user name in the local realm)
  curl -sf -d grant_type=password -d client_id=aperture-cli -d username="$1" -d password="$1" -d scope=openid \
    "$APERTURE_OIDC_URL/protocol/openid-connect/token" | jq -r .access_token
}

# The server as ./aperture start runs it (same jar, same default heap), from a private copy of the build so that
# a rebuild in the checkout during a run does not change the code under it. Extra JVM options in SERVER_JAVA_OPTS.
start_server() {
  [ -f "$ROOT/portal/target/quarkus-app/quarkus-run.jar" ] || { echo "build first: ./mvnw -B -q -o -pl portal -am install -DskipTests" >&2; exit 1; }
  if curl -sf "$SERVER/q/health/ready" >/dev/null 2>&1; then echo "port $HTTP_PORT already serves something; stop it first" >&2; exit 1; fi
  rm -rf "$WORK/app"; cp -r "$ROOT/portal/target/quarkus-app" "$WORK/app"
  # the load is the point here: the anonymous search rate limit (docs/security.md) is off for the benchmark's server
  APERTURE_RATE_LIMIT_REQUESTS=0 APERTURE_HTTP_PORT="$HTTP_PORT" java ${APERTURE_SERVER_JAVA_OPTS:--Xmx512m} ${SERVER_JAVA_OPTS:-} -jar "$WORK/app/quarkus-run.jar" \
      >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  echo "$SERVER_PID" >"$WORK/server.pid"
  for _ in $(seq 1 180); do
    curl -sf "$SERVER/q/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log" >&2; exit 1; }
    sleep 1
  done
  echo "server not ready in 180 s; see $WORK/server.log" >&2; exit 1
}
stop_server() {
  [ -f "$WORK/server.pid" ] || return 0
  local pid; pid="$(cat "$WORK/server.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  rm -f "$WORK/server.pid"
}

# Waits until the search outbox is empty and the index holds as many documents as the database has datasets.
wait_index_caught_up() { # prints nothing; returns when equal
  local db idx
  while :; do
    db="$(scalar 'SELECT count(*) FROM dataset')"
    idx="$(search_curl -sf -XPOST "$SEARCH/dataset-write/_refresh" >/dev/null 2>&1; index_count)"
    [ "$db" = "$idx" ] && [ "$(scalar 'SELECT count(*) FROM search_outbox')" = 0 ] && return 0
    sleep 0.5
  done
}

# CPU seconds used so far by the server, PostgreSQL (postmaster, its live backends and the reaped ones) and the
# OpenSearch node: the work a run costs, whatever else the machine is doing. Load on a shared 2-core machine
# stretches wall time; CPU seconds per record say what 2 dedicated cores could do.
listener_pid() { ss -ltnpH "sport = :$1" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1; }
proc_cpu_ticks() { # $1 pid, $2 = "with-children" to add reaped children; prints clock ticks
  awk -v c="${2:-}" '{ sub(/^.*\) /, ""); t = $12 + $13; if (c != "") t += $14 + $15; print t }' "/proc/$1/stat" 2>/dev/null || echo 0
}
cpu_seconds() { # prints "server postgres opensearch" CPU seconds
  local pm os srv pg=0 p
  pm="$(listener_pid "$PG_PORT")"; os="$(listener_pid "${SEARCH##*:}")"; srv="$(cat "$WORK/server.pid" 2>/dev/null || echo 0)"
  pg=$(proc_cpu_ticks "$pm" with-children)
  for p in $(pgrep -P "$pm"); do pg=$((pg + $(proc_cpu_ticks "$p"))); done
  echo "$(proc_cpu_ticks "$srv") $pg $(proc_cpu_ticks "$os")" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f %.1f %.1f\n", $1/hz, $2/hz, $3/hz }'
}

enc() { jq -rn --arg v "$1" '$v|@uri'; }
# The catalogue search's query mix (search.sh, and the portal's page against it: bench/portal/run.sh): fills the
# associative array MIX, declared by the caller, with query strings of /api/search.
search_mix() {
  MIX[1-fulltext]="q=lysozyme"
  MIX[2-phrase+facet]="q=$(enc '"rotation 360"')&instrument=I03"
  MIX[3-facets]="technique=$(enc "macromolecular crystallography")&year=2017&year=2018&access=RELEASED"
  MIX[4-param-range-unit]="param=$(enc /entry/instrument/beam/incident_wavelength:0.9:1.1:angstrom)"
  MIX[5-text+param-celsius]="q=insulin&param=$(enc /entry/sample/temperature:0:30:celsius)"
}
