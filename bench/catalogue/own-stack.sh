# A benchmark's own embedded stack (sourced by bench/panosc/run.sh and bench/portal/run.sh): unless STACK_ENV names a
# running one, starts StackMain with its data in $BENCH_WORK/stack on the given ports — none of the test ports, nor
# another benchmark's — writes its env file to $BENCH_WORK/stack.env and exports STACK_ENV; stop_stack stops it.
#
#   own_stack PG_PORT SEARCH_PORT KEYCLOAK_PORT AMQP_PORT
STACK_PID=""
own_stack() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  mkdir -p "$BENCH_WORK"
  [ -z "${STACK_ENV:-}" ] || return 0
  export STACK_ENV="$BENCH_WORK/stack.env"
  # the old log must go first: its "stack ready" would end the wait below before the new stack is up
  rm -f "$STACK_ENV" "$BENCH_WORK/stack.log"
  java -cp "$(cat "$root/stack/target/stack.classpath")" io.aperture.stack.StackMain --data-dir "$BENCH_WORK/stack" \
      --env-file "$STACK_ENV" --pg-port "$1" --search-port "$2" --keycloak-port "$3" --amqp-port "$4" \
      >"$BENCH_WORK/stack.log" 2>&1 &
  STACK_PID=$!
  for _ in $(seq 1 300); do grep -q "stack ready" "$BENCH_WORK/stack.log" && break
    kill -0 "$STACK_PID" 2>/dev/null || { tail -20 "$BENCH_WORK/stack.log" >&2; exit 1; }; sleep 1; done
  grep -q "stack ready" "$BENCH_WORK/stack.log" || { echo "stack not ready in 300 s" >&2; exit 1; }
}
stop_stack() { [ -n "$STACK_PID" ] && kill "$STACK_PID" 2>/dev/null && wait "$STACK_PID" 2>/dev/null || true; }
