#!/usr/bin/env bash
# What each kind of request of the clinical mix costs (issue #3): on the clinical data set, after the warm-up, each kind
# alone at saturation (bench/clinical/mix.lua with BENCH_KIND), then the whole mix, with the CPU the JVM and PostgreSQL
# used per request (from /proc: the service's process and every postgres process, so PostgreSQL's figure includes its
# background workers: autovacuum, WAL writer, checkpointer). Results land in bench/results/kinds-<time>/.
# Usage: bench/kinds.sh [seconds-per-kind]   (default 10)
#   Same BENCH_* variables as bench/clinical.sh (BENCH_DATA_DIR reuses its database, BENCH_WARMUP_SECONDS, BENCH_JAVA).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_settings kinds "${1:-10}" 54339 18090
KINDS="get_rx get_patient interactions list_rx_status list_patients_name list_comms list_rx_of_patient create_rx create_comm update_patient"

bench_tools
bench_jar
# No job on the schedule (bench/lib.sh: BENCH_NO_JOBS); bench/scheduler.sh measures what the jobs cost.
bench_start "${BENCH_NO_JOBS[@]}" "${BENCH_NO_LIMITS[@]}"
bench_generate
python3 bench/clinical/prepare.py --http-port "$HTTP_PORT" --pg-port "$PG_PORT" --out "$OUT" > "$OUT/prepare.txt"
export BENCH_MIX_DATA=$OUT/mix-data.lua

ticks() { # CPU ticks (1/100 s) used so far: the service, all postgres processes
  local pg=0 pid
  for pid in $(pgrep -x postgres || true); do
    pg=$(( pg + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$(awk '{print $14 + $15}' "/proc/$SERVICE/stat") $pg"
}

echo "warming up ($WARMUP s of the mix)"
wrk_run warmup "$WARMUP" bench/clinical/mix.lua
{
  echo "request kinds alone at saturation, ${DURATION}s each, $CONNECTIONS connections, after $WARMUP s of the mix; $(nproc) cores"
  for kind in $KINDS mix; do
    read -r java0 pg0 < <(ticks)
    if [ "$kind" = mix ]; then wrk_run "$kind" "$DURATION" bench/clinical/mix.lua; else wrk_run "$kind" "$DURATION" bench/clinical/mix.lua BENCH_KIND="$kind"; fi
    read -r java1 pg1 < <(ticks)
    python3 -c "
rate = float('$(field "$kind" RATE req_per_s)'); java = ($java1 - $java0) / 100 / $DURATION; pg = ($pg1 - $pg0) / 100 / $DURATION
print('%-20s %7.1f req/s  JVM %.2f cores = %.2f ms/request  PostgreSQL %.2f cores = %.2f ms/request  non-2xx=%s' % (
    '$kind', rate, java, 1000 * java / rate, pg, 1000 * pg / rate, '$(field "$kind" TOTAL non2xx)'))"
  done
} | tee "$OUT/summary.txt"
