#!/usr/bin/env bash
# Functions benchmark (issue #4, "Performance"): in one run on the clinical data set (bench/clinical.sh's),
#   FIRST = the first call after start of drug-interaction-check, then of prescription-verify, each called exactly
#           once before any other function call or load (only the health checks and four sign-ins come first): the
#           client's time (curl time_total) and the service's (GET /api/functions firstCallMs and Prometheus
#           rx_function_first_call_milliseconds),
#   MIX   = the clinical pharmacy mix (bench/clinical/mix.lua) alone, for its maximum rate,
#   F80   = the mix at 80% of MIX on a fixed schedule (bench/pace.lua) while two more wrks call
#           POST /functions/v1/drug-interaction-check and POST /functions/v1/prescription-verify, each paced at
#           BENCH_FUNCTION_SHARE of MIX: p50/p95/p99 per function from the service's own timer (Prometheus histogram
#           deltas over exactly this phase, and GET /api/functions after it) and from each function's wrk,
#   FLOORS = during F80, at each function's rate: an HTTP call that does no work (GET /auth/v1/health, wrk), a
#           database round trip with no write (select 1, pgbench) and a durable commit of one row (pgbench): what any
#           call, any statement and any audited read cost at that load before the function does anything,
# and prints the figures next to the issue's targets. Results land in bench/results/functions-<time>/.
# The service runs with RX_RATE_LIMIT_ENABLED=false: every rate limit is off, including the per-caller limit of each
# function (600 calls a minute by default), which three callers would otherwise hit within seconds.
# Usage: bench/functions.sh [duration-seconds]   (default 60, per run)
#   BENCH_SCALE=1.0   BENCH_CONNECTIONS=32 (mix)   BENCH_FUNCTION_CONNECTIONS=2 (per function)
#   BENCH_FUNCTION_SHARE=0.01 (each function's rate, as a share of MIX: the functions are probes of the mix at 80 %;
#   at 5 % each they cost about 15 % of the machine on top of it, so the load measured was nearer 95 % than 80 %)
#   BENCH_HTTP_PORT=18090   BENCH_PG_PORT=54339   BENCH_DATA_DIR=<an earlier run's data/>   BENCH_JAVA=<path to java>   BENCH_WARMUP_SECONDS=150
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_settings functions "${1:-60}" 54339 18090
FUNCTION_CONNECTIONS=${BENCH_FUNCTION_CONNECTIONS:-2}
FUNCTION_SHARE=${BENCH_FUNCTION_SHARE:-0.01}

bench_tools
bench_jar
# No job on the schedule (bench/lib.sh: BENCH_NO_JOBS); bench/scheduler.sh measures what the jobs cost.
bench_start "${BENCH_NO_JOBS[@]}" RX_RATE_LIMIT_ENABLED=false
bench_generate

echo "FIRST: signing in the function callers and the admin, choosing ids under the callers' own RLS"
python3 bench/functions/prepare.py --http-port "$HTTP_PORT" --pg-port "$PG_PORT" --out "$OUT" | tee "$OUT/prepare-functions.txt"
source "$OUT/probe.env"
api_functions() { curl -sf -H "Authorization: $ADMIN_AUTH" "$URL/api/functions" > "$1"; }
prometheus() { curl -sf "$URL/actuator/prometheus" > "$1"; }
prometheus "$OUT/metrics-before-first.txt"
CALLS_BEFORE=$(awk '/^rx_function_invocations_seconds_count/ {n += $NF} END {print n + 0}' "$OUT/metrics-before-first.txt")
first_call() { # function body: one call, "<http status> <ms>" as curl saw it
  curl -s -o "$OUT/first-$1.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: $PROBE_AUTH" \
    -H 'Content-Type: application/json' -d "$2" "$URL/functions/v1/$1" | awk '{printf "%s %.1f", $1, $2 * 1000}'
}
read -r FIRST_INTERACTION_STATUS FIRST_INTERACTION_CLIENT <<< "$(first_call drug-interaction-check "$PROBE_INTERACTION_BODY")"
read -r FIRST_VERIFY_STATUS FIRST_VERIFY_CLIENT <<< "$(first_call prescription-verify "$PROBE_VERIFY_BODY")"
api_functions "$OUT/api-first.json"
prometheus "$OUT/metrics-after-first.txt"
python3 bench/functions/figures.py first "$OUT/api-first.json" "$OUT/metrics-after-first.txt" > "$OUT/first.txt"
first() { awk -v f="$1" -v key="$2" '$2==f { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1]==key) print kv[2] } }' "$OUT/first.txt"; }
echo "  drug-interaction-check: HTTP $FIRST_INTERACTION_STATUS, ${FIRST_INTERACTION_CLIENT} ms; prescription-verify: HTTP $FIRST_VERIFY_STATUS, ${FIRST_VERIFY_CLIENT} ms (client)"

echo "signing in the mix's users and choosing their ids under their own RLS"
python3 bench/clinical/prepare.py --http-port "$HTTP_PORT" --pg-port "$PG_PORT" --out "$OUT" | tee "$OUT/prepare.txt"
export BENCH_MIX_DATA=$OUT/mix-data.lua BENCH_FUNCTIONS_DATA=$OUT/functions-data.lua

FUNCTION_PIDS=()
functions_start() { # suffix duration rate: both function wrks in the background (rate calls/s each, or flat out when
  # empty), outputs fn-<function>-<suffix>.txt
  local fn
  FUNCTION_PIDS=()
  for fn in drug-interaction-check prescription-verify; do
    WRK_THREADS=1 WRK_CONNECTIONS=$FUNCTION_CONNECTIONS wrk_run "fn-$fn-$1" "$2" bench/functions/functions.lua \
      BENCH_FUNCTION="$fn" BENCH_RATE="$3" &
    FUNCTION_PIDS+=($!)
  done
}
functions_wait() { local pid; for pid in "${FUNCTION_PIDS[@]}"; do wait "$pid"; done; }
floors_start() { # duration rate: the three floor probes in the background (see FLOORS above)
  local pg="-h 127.0.0.1 -p $PG_PORT -U postgres" root=$PWD kind
  $PSQL -c 'create schema if not exists bench' \
    -c 'create table if not exists bench.floor_commits (at timestamptz not null default clock_timestamp())'
  for kind in trip commit; do
    (cd "$OUT" && pgbench $pg -n -c 1 -R "$2" -T "$1" -f "$root/bench/functions/floor-$kind.sql" -l \
      --log-prefix="floor-$kind" postgres > "pgbench-floor-$kind.txt" 2>&1) &
    FUNCTION_PIDS+=($!)
  done
  WRK_THREADS=1 WRK_CONNECTIONS=1 wrk_run floor-http "$1" bench/functions/floor-health.lua BENCH_RATE="$2" &
  FUNCTION_PIDS+=($!)
}

echo "warming up ($WARMUP s of the mix with both functions alongside)"
functions_start warmup "$WARMUP" 50
wrk_run warmup "$WARMUP" bench/clinical/mix.lua
functions_wait

echo "MIX: pharmacy mix alone, ${DURATION}s (its maximum rate)"
wrk_run mix "$DURATION" bench/clinical/mix.lua
MIX=$(field mix RATE req_per_s)

# F80: as clinical.sh's P80, the mix on a fixed schedule at 80 % of MIX, and each function at FUNCTION_SHARE of MIX.
RATE=$(python3 -c "print(max(1, int(float('$MIX') * 0.8)))")
FUNCTION_RATE=$(python3 -c "print(round(max(1.0, float('$MIX') * $FUNCTION_SHARE), 1))")
echo "F80: the mix paced at $RATE req/s (bench/pace.lua) with each function at $FUNCTION_RATE calls/s, ${DURATION}s"
api_functions "$OUT/api-before.json"
prometheus "$OUT/metrics-before.txt"
functions_start paced "$DURATION" "$FUNCTION_RATE"
floors_start "$DURATION" "$FUNCTION_RATE"
wrk_run paced "$DURATION" bench/clinical/mix.lua BENCH_RATE="$RATE"
functions_wait
api_functions "$OUT/api-after.json"
prometheus "$OUT/metrics-after.txt"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
python3 bench/functions/figures.py phase "$OUT/api-before.json" "$OUT/api-after.json" \
  "$OUT/metrics-before.txt" "$OUT/metrics-after.txt" > "$OUT/phase.txt"
python3 bench/clinical/endpoints.py "$OUT/metrics-before.txt" "$OUT/metrics-after.txt" > "$OUT/endpoints.txt" || true
{ grep -h '^FLOOR' "$OUT/floor-http.txt"
  python3 bench/functions/floors.py database_round_trip "$OUT"/floor-trip.*
  python3 bench/functions/floors.py durable_commit "$OUT"/floor-commit.*; } > "$OUT/floors.txt"
COMMIT_FLOOR_P95=$(awk '$2=="durable_commit" { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1]=="p95") print kv[2] } }' "$OUT/floors.txt")
phase() { awk -v tag="$1" -v f="$2" -v key="$3" '$1==tag && $2==f { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1]==key) print kv[2] } }' "$OUT/phase.txt"; }

PACED=$(field paced RATE req_per_s)
IC_P95=$(phase PHASE drug-interaction-check p95); PV_P95=$(phase PHASE prescription-verify p95)
FIRST_IC=$(first drug-interaction-check service_ms); FIRST_PV=$(first prescription-verify service_ms)
errors() { # run names...: non-2xx + socket errors + timeouts over the runs' wrk outputs
  local n=0 run key value
  for run in "$@"; do
    for key in non2xx socket_errors timeouts; do
      value=$(field "$run" TOTAL "$key")
      n=$(( n + ${value:-1} ))
    done
  done
  echo $n
}
FN_ERRORS=$(errors fn-drug-interaction-check-paced fn-prescription-verify-paced)
MIX_ERRORS=$(errors mix paced)
function_row() { # function label: one summary line for a function in F80
  local fn=$1 run=fn-$1-paced
  printf '  %-23s %s calls/s  service p50=%s p95=%s p99=%s ms (%s calls, %s failed)  client p50=%s p95=%s p99=%s max=%s ms  non-2xx=%s  with findings=%s\n' \
    "$fn" "$(field "$run" RATE req_per_s)" "$(phase PHASE "$fn" p50)" "$(phase PHASE "$fn" p95)" "$(phase PHASE "$fn" p99)" \
    "$(phase PHASE "$fn" calls)" "$(phase PHASE "$fn" failed)" "$(field "$run" LATENCY_MS p50)" "$(field "$run" LATENCY_MS p95)" \
    "$(field "$run" LATENCY_MS p99)" "$(field "$run" LATENCY_MS max)" "$(field "$run" TOTAL non2xx)" "$(field "$run" KIND with_findings)"
}
{
  echo "functions benchmark $(date -u +%FT%TZ), scale $SCALE, ${DURATION}s per run, $CONNECTIONS mix connections, $FUNCTION_CONNECTIONS per function, $(nproc) cores, $(${BENCH_JAVA:-java} -version 2>&1 | head -1)"
  echo "load average at start $LOAD_START, at end $LOAD_END (other work on the machine shows here)"
  echo "rate limits off (RX_RATE_LIMIT_ENABLED=false), including each function's per-caller limit"
  bench_data_line
  echo "data generated in ${GEN_SECONDS}s"
  echo "FIRST call after start (each function called once, drug-interaction-check first; $CALLS_BEFORE function calls before):"
  echo "  drug-interaction-check  HTTP $FIRST_INTERACTION_STATUS  client ${FIRST_INTERACTION_CLIENT} ms  service ${FIRST_IC} ms (Prometheus $(first drug-interaction-check prometheus_ms) ms)"
  echo "  prescription-verify     HTTP $FIRST_VERIFY_STATUS  client ${FIRST_VERIFY_CLIENT} ms  service ${FIRST_PV} ms (Prometheus $(first prescription-verify prometheus_ms) ms)"
  echo "MIX  pharmacy mix alone            req/s=$MIX  p50=$(field mix LATENCY_MS p50) p90=$(field mix LATENCY_MS p90) p99=$(field mix LATENCY_MS p99) ms  non-2xx=$(field mix TOTAL non2xx)"
  echo "F80  mix paced at ~80% ($RATE/s)  req/s=$PACED ($(python3 -c "print(round(100 * float('$PACED') / float('$MIX')))")% of MIX)  p50=$(field paced LATENCY_MS p50) p90=$(field paced LATENCY_MS p90) p99=$(field paced LATENCY_MS p99) ms  non-2xx=$(field paced TOTAL non2xx)"
  echo "     with, alongside (service: Prometheus histogram deltas over this phase; client: each function's wrk):"
  function_row drug-interaction-check
  function_row prescription-verify
  echo "     GET /api/functions after F80 (p50/p95/p99 decay over about the last 2 minutes, so they include the end of the warm-up):"
  grep '^API' "$OUT/phase.txt" | sed 's/^API/      /'
  echo "     floors, at the same rate in the same phase (client side; bench/functions/floor-*):"
  sed 's/^FLOOR /       /' "$OUT/floors.txt"
  grep -h '^ERRORS\|^SAMPLE' "$OUT"/fn-*-paced.txt "$OUT/paced.txt" "$OUT/mix.txt" | sed 's/^/     /' || true
  echo "targets (issue #4; service-side p95 under the mix at ~80%):"
  echo "  drug-interaction-check p95 <= 10 ms  $(pass "float('${IC_P95:-x}') <= 10")  ($IC_P95 ms; it waits for one durable commit, whose floor was $COMMIT_FLOOR_P95 ms)"
  echo "  prescription-verify p95 <= 50 ms     $(pass "float('${PV_P95:-x}') <= 50")  ($PV_P95 ms)"
  echo "  first call after start <= 300 ms     $(pass "'$FIRST_INTERACTION_STATUS' == '200' and '$FIRST_VERIFY_STATUS' == '200' and $CALLS_BEFORE == 0 and max(float('$FIRST_INTERACTION_CLIENT'), float('$FIRST_VERIFY_CLIENT')) <= 300")  (client $FIRST_INTERACTION_CLIENT / $FIRST_VERIFY_CLIENT ms, service $FIRST_IC / $FIRST_PV ms)"
  echo "  no errors                            $(pass "$FN_ERRORS + $MIX_ERRORS == 0")  (functions $FN_ERRORS, mix and paced mix $MIX_ERRORS)"
} | tee "$OUT/summary.txt"
