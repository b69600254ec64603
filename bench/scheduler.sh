#!/usr/bin/env bash
# Scheduler overhead (issue #5: "the scheduler adds no measurable latency to the API mix"). In one run, on one
# clinical data set, the same paced pharmacy mix (bench/clinical/mix.lua at a fixed rate well below saturation, so
# latency is the service's and not a queue's) against the service started twice:
#   OFF = RX_JOB_SCHEDULING_ENABLED=false (no job on the schedule; db-scheduler still polls),
#   ON  = every job on the schedule, with health-check and cache-warming moved to every minute so that jobs
#         really run during the measured window,
# and prints p50/p90/p99 of both with their ratio. Alternating OFF, ON, OFF, ON halves the effect of drift.
# Usage: bench/scheduler.sh [seconds per run; at least 60 so that ON windows hold a run of each minutely job]   BENCH_DATA_DIR=<an earlier clinical run's data/> (else generated)
#   BENCH_DELAY_MS=200 (per-connection pause: 32 connections -> about 140 req/s)  BENCH_JAVA  BENCH_SCALE
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_settings scheduler "${1:-60}" 54639 18390
DELAY=${BENCH_DELAY_MS:-200}
bench_tools
bench_jar
LIMITS=("${BENCH_NO_LIMITS[@]}")
ON=(RX_JOB_SCHEDULING_ENABLED=true "RX_JOB_POLLING_INTERVAL=5s")

round() { # name scheduling(on|off)
  local name=$1 mode=$2
  if [ "$mode" = on ]; then
    bench_start "${LIMITS[@]}" "${ON[@]}" \
      SPRING_APPLICATION_JSON='{"rx":{"jobs":{"health-check":{"schedule":"* * * * *"},"cache-warming":{"schedule":"* * * * *"}}}}'
  else
    bench_start "${LIMITS[@]}" "${BENCH_NO_JOBS[@]}"
  fi
  if [ ! -f "$OUT/mix-data.lua" ]; then
    bench_generate
    python3 bench/clinical/prepare.py --http-port "$HTTP_PORT" --pg-port "$PG_PORT" --out "$OUT" > "$OUT/prepare.txt"
  fi
  export BENCH_MIX_DATA=$OUT/mix-data.lua
  wrk_run "$name-warmup" 15 bench/clinical/mix.lua BENCH_DELAY_MS="$DELAY"
  local since
  since=$($PSQL -t -A -c "select now()")
  wrk_run "$name" "$DURATION" bench/clinical/mix.lua BENCH_DELAY_MS="$DELAY"
  JOB_RUNS=$($PSQL -t -A -c "select count(*) from job_runs where started_at >= '$since'")
  # Leave nothing on the schedule for the next round (an OFF round must not run what this one scheduled).
  $PSQL -c "delete from scheduled_tasks where task_name = 'rx-job'" >/dev/null 2>&1 || true
  echo "$name: scheduling $mode, job runs during it: $JOB_RUNS, req/s=$(field "$name" RATE req_per_s) p50=$(field "$name" LATENCY_MS p50) p90=$(field "$name" LATENCY_MS p90) p99=$(field "$name" LATENCY_MS p99) ms non-2xx=$(field "$name" TOTAL non2xx)" | tee -a "$OUT/rounds.txt"
  kill $SERVICE; wait $SERVICE 2>/dev/null || true
  trap - EXIT
}

round off-1 off
round on-1 on
round off-2 off
round on-2 on

python3 - "$OUT" "$LOAD_START" <<'PY' | tee "$OUT/summary.txt"
import re, sys
out, load = sys.argv[1], sys.argv[2]
rows = {}
for line in open(f"{out}/rounds.txt"):
    name = line.split(":")[0]
    rows[name] = {k: float(v) for k, v in re.findall(r"(p50|p90|p99|req/s)=([0-9.]+)", line)}
    rows[name]["runs"] = int(re.search(r"job runs during it: (\d+)", line).group(1))
print(f"scheduler overhead benchmark, load average at start {load}")
for p in ("p50", "p90", "p99"):
    off = (rows["off-1"][p] + rows["off-2"][p]) / 2
    on = (rows["on-1"][p] + rows["on-2"][p]) / 2
    print(f"  {p}: scheduling off {off:.2f} ms, on {on:.2f} ms, on/off = {on / off:.2f}")
print(f"  job runs during the measured windows: off {rows['off-1']['runs'] + rows['off-2']['runs']}, on {rows['on-1']['runs'] + rows['on-2']['runs']}")
PY
