#!/usr/bin/env bash
# Search latency over the generated catalogue (issue #5): a fixed query mix through GET /api/search — anonymous and
# as user "pi" (PI of 25 proposals with embargoed data) — and the very same queries sent straight to OpenSearch,
# interleaved in one run. The raw queries are not rewritten by hand: the server is first started talking to
# OpenSearch through a recording proxy (CaptureProxy.java), each API query is sent once, and the request it made
# (path, parameters, body — access filter included) is taken as recorded. Then the server is restarted on OpenSearch
# directly and measured.
#
#   STACK_ENV=/tmp/me-stack.env bench/catalogue/search.sh [WARMUP=20] [ROUNDS=100] [CONCURRENCY="1 3"]
#
# Each round sends every query once per target (6 queries × 4 targets); WARMUP rounds are not counted. A query with a
# facet selection makes one more engine request per selected facet (its siblings' counts): the raw target sends them
# all, one after the other, timed as one operation (SearchBench.java).
source "$(dirname "$0")/lib.sh"
WARMUP="${1:-20}"
ROUNDS="${2:-100}"
CONCS="${3:-1 3}"
trap stop_server EXIT
stop_server
db="$(scalar 'SELECT count(*) FROM dataset')"

# --- pi: PI of 25 proposals that hold embargoed datasets, through the user-office import -------------------------
codes="$(scalar "SELECT string_agg(code, ' ') FROM (SELECT p.code FROM proposal p WHERE EXISTS (SELECT 1 FROM dataset d
          WHERE d.proposal_id = p.id AND d.access_state = 'EMBARGOED') ORDER BY p.code LIMIT 25) x")"
body="$(for c in $codes; do echo "$c"; done | jq -R . | jq -s '{proposals: map({code: ., facility: "DLS", title: ("Proposal " + .),
  members: [{role: "PI", person: {fullName: "Pat Investigator", username: "pi", email: "pi@example.org"}}]})}')"

# --- capture the engine requests DatasetSearch makes -----------------------------------------------------------------
CAPTURE_PORT="${CAPTURE_PORT:-$((HTTP_PORT + 100))}"
CAPTURED="$WORK/captured.tsv"; : >"$CAPTURED"
java "$HERE/CaptureProxy.java" "$CAPTURE_PORT" "$SEARCH" "$CAPTURED" >"$WORK/proxy.log" 2>&1 &
PROXY=$!
trap 'stop_server; kill $PROXY 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do grep -q "capture proxy" "$WORK/proxy.log" && break; sleep 0.5; done
APERTURE_SEARCH_HOSTS="127.0.0.1:$CAPTURE_PORT" start_server
curl -sf -XPOST -H "Authorization: Bearer $(user_office_token)" -H 'Content-Type: application/json' -d "$body" \
    "$SERVER/api/ingest/user-office" >/dev/null
PI_TOKEN="$(user_token pi)"
embargoed_pi="$(curl -sf -H "Authorization: Bearer $PI_TOKEN" "$SERVER/api/search?access=EMBARGOED&size=1" | jq .total)"

# the cursor after hit 10 000 (sort newest), walked page by page as each caller
deep_cursor() { # $1 token or -
  local after="" auth=() i
  [ "$1" != - ] && auth=(-H "Authorization: Bearer $1")
  for i in $(seq 1 100); do
    after="$(curl -sf "${auth[@]}" "$SERVER/api/search?sort=newest&size=100${after:+&after=$after}" | jq -r .next)"
  done
  echo "$after"
}
declare -A MIX=()
search_mix
plan="$WORK/search-plan.tsv"; : >"$plan"; : >"$WORK/raw-queries.txt"
for caller in anonymous pi; do
  tok=-; [ "$caller" = pi ] && tok="$PI_TOKEN"
  MIX[6-deep-page-10000]="sort=newest&size=20&after=$(deep_cursor "$tok")"
  for q in $(printf '%s\n' "${!MIX[@]}" | sort); do
    url="$SERVER/api/search?${MIX[$q]}"
    before="$(wc -l <"$CAPTURED")"
    auth=(); [ "$tok" != - ] && auth=(-H "Authorization: Bearer $tok")
    total="$(curl -sf "${auth[@]}" "$url" | jq .total)"
    sleep 0.5 # the proxy writes its line after it has answered
    # one engine request, and one more per facet with a selection (its siblings' counts): the raw side sends them all
    [ "$(wc -l <"$CAPTURED")" -gt "$before" ] || { echo "no engine request recorded for $q ($caller)" >&2; exit 1; }
    echo "$caller $q: $total hits, $(($(wc -l <"$CAPTURED") - before)) engine requests" >&2
    printf 'API %s\t%s\tGET\t%s\t%s\t-\n' "$caller" "$q" "$url" "$tok" >>"$plan"
    tail -n +"$((before + 1))" "$CAPTURED" | while IFS=$'\t' read -r _ pathq reqbody; do
      printf 'raw %s\t%s\tPOST\t%s\t-\t%s\n' "$caller" "$q" "$SEARCH$pathq" "$reqbody" >>"$plan"
      echo "$caller $q: POST $pathq $reqbody" >>"$WORK/raw-queries.txt"
    done
  done
done
stop_server
kill $PROXY 2>/dev/null || true

# --- measure ------------------------------------------------------------------------------------------------------
start_server
load0="$(cut -d' ' -f1 /proc/loadavg)"
out="$WORK/search-result.md"
{
  echo
  echo "### Search over $db datasets — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Query mix: $(printf '%s\n' "${!MIX[@]}" | sort | tr '\n' ' '); user pi sees $embargoed_pi embargoed datasets."
  echo "$WARMUP warm-up rounds, then $ROUNDS rounds (each: every query once per target); load average $load0 at start (2 cores)."
} | tee "$out"
for c in $CONCS; do
  # tokens live 15 minutes: a fresh one for each run
  PI_TOKEN_NEW="$(user_token pi)"
  sed "s/$PI_TOKEN/$PI_TOKEN_NEW/" "$plan" >"$plan.now"
  java "$HERE/SearchBench.java" "$plan.now" "$WARMUP" "$ROUNDS" "$c" >"$WORK/search-$c.out"
  {
    echo
    echo "**Concurrency $c** (load average now $(cut -d' ' -f1 /proc/loadavg))"
    echo
    sed -n '/^|/p' "$WORK/search-$c.out"
    for who in anonymous pi; do
      m_api="$(sed -n "s/^median_ms.API_$who=//p" "$WORK/search-$c.out")"; m_raw="$(sed -n "s/^median_ms.raw_$who=//p" "$WORK/search-$c.out")"
      p_api="$(sed -n "s/^p99_ms.API_$who=//p" "$WORK/search-$c.out")"
      echo
      echo "- $who: API/raw at the median $(echo "scale=2; $m_api / $m_raw" | bc) (target ≤ 1.3); API p99 $p_api ms (target ≤ 150)"
    done
  } | tee -a "$out"
done
