# Shell shared by the service benchmarks on the clinical data set (sourced by clinical.sh and functions.sh).
# The caller sets OUT (results directory), HTTP_PORT, PG_PORT, SCALE and CONNECTIONS before using these.

# Seconds of load before anything is measured (BENCH_WARMUP_SECONDS). On two cores the JIT compiles while the load
# runs: the JVM's CPU per mix request fell from 2.4 ms after 40 s of load to 0.85 ms after about three minutes, so a
# short warm-up measures the compiler, not the service.
WARMUP=${BENCH_WARMUP_SECONDS:-150}

# The service's daily jobs (database backup at 02:30, its verification at 03:00, ...) catch up when the service starts
# after their time and ran inside measurements: a backup verification restores the whole database for five minutes.
BENCH_NO_JOBS=(RX_JOB_SCHEDULING_ENABLED=false)
# Rate limits high enough that a benchmark's dozen users are never refused.
BENCH_NO_LIMITS=(RX_RATE_LIMIT_USER_PER_MINUTE=100000000 RX_RATE_LIMIT_IP_PER_MINUTE=100000000)

bench_settings() { # name duration default-pg-port default-http-port: what every service benchmark reads from BENCH_*;
  # sets DURATION, SCALE, CONNECTIONS, PG_PORT, HTTP_PORT, LOAD_START and OUT (bench/results/<name>-<time>, created)
  DURATION=$2
  SCALE=${BENCH_SCALE:-1.0}
  CONNECTIONS=${BENCH_CONNECTIONS:-32}
  PG_PORT=${BENCH_PG_PORT:-$3}
  HTTP_PORT=${BENCH_HTTP_PORT:-$4}
  OUT=bench/results/$1-$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p "$OUT"
  LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
}

bench_tools() { # wrk and psql, installed when missing
  command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y wrk >/dev/null; }
  command -v psql >/dev/null || { echo "installing psql"; apt-get install -y postgresql-client >/dev/null; }
}

bench_jar() { # builds the jar when the sources are newer; sets JAR
  JAR=target/rx-0.1.0-SNAPSHOT.jar
  if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
    mvn -B -o -q -DskipTests package
  fi
}

bench_start() { # [VAR=value...]: starts the demo service on its embedded PostgreSQL and waits until it is ready
  # Readiness, not health: health is UP as soon as Tomcat listens, before the ApplicationRunners (the demo users the
  # generated staff copy their password hash from) have run; readiness accepts traffic only after them.
  DATA=${BENCH_DATA_DIR:-$OUT/data}
  echo "starting the service (embedded PostgreSQL on $PG_PORT, HTTP on $HTTP_PORT, data in $DATA)"
  env RX_DEMO=true RX_DATA_DIR="$DATA" RX_EMBEDDED_DB_PORT="$PG_PORT" RX_PORT="$HTTP_PORT" "$@" \
    ${BENCH_JAVA:-java} ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" > "$OUT/service.log" 2>&1 &
  SERVICE=$!
  trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null && break
    kill -0 $SERVICE 2>/dev/null || { echo "the service stopped; see $OUT/service.log"; tail -20 "$OUT/service.log"; exit 1; }
    sleep 1
  done
  curl -sf "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null || { echo "the service did not become ready"; exit 1; }
  PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -X -q"
  URL="http://localhost:$HTTP_PORT"
}

bench_generate() { # the clinical data set at SCALE (skipped by generate.sql when already there); sets GEN_SECONDS
  echo "D: generating data at scale $SCALE"
  local start status
  start=$(date +%s)
  set +e
  $PSQL -v scale="$SCALE" -v seed=0.42 -f bench/clinical/generate.sql 2>&1 | tee "$OUT/generate.txt" | grep -v '^Time:'
  status=${PIPESTATUS[0]}
  set -e
  [ "$status" -eq 0 ] || { echo "data generation failed; see $OUT/generate.txt"; exit 1; }
  GEN_SECONDS=$(( $(date +%s) - start ))
}

bench_data_line() { # the generated row counts, from generate.txt
  awk -F'|' '/^ *(patients|prescriptions|prescription_fills|prescription_dispenses|communications|medications) *\|/ {gsub(/ /, "", $1); gsub(/ /, "", $2); printf "%s=%s ", $1, $2} END {print ""}' "$OUT/generate.txt" | sed 's/^/data: /'
}

wrk_run() { # name duration script [VAR=value...]: wrk with the script, output in $OUT/name.txt
  # WRK_THREADS and WRK_CONNECTIONS (default 2 and CONNECTIONS) may be set for one call.
  local name=$1 duration=$2 script=$3; shift 3
  env BENCH_THREADS="${WRK_THREADS:-2}" "$@" wrk -t"${WRK_THREADS:-2}" -c"${WRK_CONNECTIONS:-$CONNECTIONS}" -d"${duration}s" --latency -s "$script" "$URL" \
    > "$OUT/$name.txt" 2>&1 || { echo "wrk failed ($name):"; cat "$OUT/$name.txt"; exit 1; }
}

field() { # name line-tag key: a key=value from the Lua done() output
  awk -v tag="$2" -v key="$3" '$1==tag { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1]==key) print kv[2] } }' "$OUT/$1.txt" | tail -1
}

pass() { # python expression: PASS, FAIL, or n/a when a figure is missing
  python3 -c "
try:
    print('PASS' if ($1) else 'FAIL')
except ValueError:
    print('n/a')"
}
