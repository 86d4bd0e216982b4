# The common start of the bench/scale scripts (sourced): the work folder and the server's port, the JDK, the
# benchmarks' own stack (bench/catalogue/own-stack.sh on ports none of the tests use, unless STACK_ENV names a
# running one) and the catalogue benchmarks' helpers (bench/catalogue/lib.sh: server start and stop, psql, tokens).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export BENCH_WORK="${BENCH_WORK:-/tmp/aperture-bench-scale}"
export APERTURE_HTTP_PORT="${APERTURE_HTTP_PORT:-8093}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
source "$ROOT/bench/catalogue/own-stack.sh"
own_stack 47432 49400 48380 47672
source "$ROOT/bench/catalogue/lib.sh"
