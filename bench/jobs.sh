#!/usr/bin/env bash
# Jobs benchmark (issue #5): on the clinical-core data set (bench/clinical/generate.sql: 100,000 patients,
# 1,000,000 prescriptions times BENCH_SCALE),
#   EXP = a manual run of prescription-expiry-notifications (patients and pharmacists told about every in-use
#         prescription expiring within 7 days / 24 hours), its duration from the run history (target <= 30 s),
#   ARC = a manual run of audit-log-archival over BENCH_AUDIT_ROWS (500,000 x scale) audit records older than 90 days,
#         placed at the start of the hash chain by bench/jobs/seed-audit.sql (target >= 50,000 rows/s),
#   PLAN = EXPLAIN (ANALYZE, BUFFERS) of the two notice jobs' due-selection queries (bench/jobs/plans.sql).
# Usage: bench/jobs.sh      BENCH_SCALE=1.0   BENCH_DATA_DIR=<earlier run's data/> (reuses the generated data)
#   BENCH_HTTP_PORT=18290  BENCH_PG_PORT=54539  BENCH_AUDIT_ROWS=<n>  BENCH_JAVA=<java>  BENCH_JAVA_OPTS=...
# Results land in bench/results/jobs-<time>/ (summary.txt, plans.txt, runs, service.log).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${BENCH_SCALE:-1.0}
PG_PORT=${BENCH_PG_PORT:-54539}
HTTP_PORT=${BENCH_HTTP_PORT:-18290}
AUDIT_ROWS=${BENCH_AUDIT_ROWS:-$(python3 -c "print(max(1000, round(500000 * float('$SCALE'))))")}
OUT=bench/results/jobs-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
command -v psql >/dev/null || { echo "installing psql"; apt-get install -y postgresql-client >/dev/null; }

JAR=target/rx-0.1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
  mvn -B -o -q -DskipTests package
fi

DATA=${BENCH_DATA_DIR:-$OUT/data}
echo "starting the service (embedded PostgreSQL on $PG_PORT, HTTP on $HTTP_PORT, data in $DATA; nothing on the schedule)"
RX_DEMO=true RX_DATA_DIR=$DATA RX_EMBEDDED_DB_PORT=$PG_PORT RX_PORT=$HTTP_PORT RX_JOB_SCHEDULING_ENABLED=false \
RX_RATE_LIMIT_USER_PER_MINUTE=100000000 RX_RATE_LIMIT_IP_PER_MINUTE=100000000 \
  ${BENCH_JAVA:-java} ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" > "$OUT/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health" >/dev/null && break
  kill -0 $SERVICE 2>/dev/null || { echo "the service stopped; see $OUT/service.log"; tail -20 "$OUT/service.log"; exit 1; }
  sleep 1
done
URL="http://localhost:$HTTP_PORT"
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -X -q"

# The demo users are seeded once the service is up: the generator copies the demo pharmacist's password hash.
for _ in $(seq 1 60); do
  [ "$($PSQL -t -A -c "select count(*) from user_credentials c join users u on u.id = c.user_id
       where lower(u.email) = 'pharmacist@demo.rx' and c.password_hash is not null" 2>/dev/null)" = "1" ] && break
  sleep 1
done
echo "D: generating the clinical data at scale $SCALE (skipped when already there)"
GEN_START=$(date +%s)
$PSQL -v scale="$SCALE" -v seed=0.42 -f bench/clinical/generate.sql > "$OUT/generate.txt" 2>&1 \
  || { echo "data generation failed; see $OUT/generate.txt"; exit 1; }
GEN_SECONDS=$(( $(date +%s) - GEN_START ))

echo "PLAN: the due-selection queries"
$PSQL -f bench/jobs/plans.sql > "$OUT/plans.txt" 2>&1 || { cat "$OUT/plans.txt"; exit 1; }
DUE_7D=$($PSQL -t -A -c "select count(*) from prescriptions where status in ('pending','approved','filled','dispensed')
  and deleted_at is null and expires_on between current_date + 1 and current_date + 6")

TOKEN=$(curl -sf "$URL/auth/v1/token?grant_type=password" -H 'content-type: application/json' \
  -d '{"email":"admin@demo.rx","password":"Demo-Password-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')

run_job() { # name: runs the job by hand, waits for it, prints the finished run as JSON
  local name=$1
  curl -s -o "$OUT/$name-post.json" -X POST "$URL/api/jobs/$name/run" -H "Authorization: Bearer $TOKEN" >/dev/null
  for _ in $(seq 1 1200); do
    curl -sf "$URL/api/jobs/$name/runs?limit=1" -H "Authorization: Bearer $TOKEN" > "$OUT/$name-run.json"
    if python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["data"][0]; sys.exit(0 if r["finishedAt"] else 1)' "$OUT/$name-run.json"; then
      return 0
    fi
    sleep 1
  done
  echo "$name did not finish"; exit 1
}
run_field() { # name python-expression over r (the run)
  python3 -c "
import json, sys
from datetime import datetime
r = json.load(open('$OUT/$1-run.json'))['data'][0]
t = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00'))
secs = (t(r['finishedAt']) - t(r['startedAt'])).total_seconds()
print($2)"
}

echo "EXP: prescription-expiry-notifications (in-use prescriptions expiring in the next 6 days: $DUE_7D)"
run_job prescription-expiry-notifications
EXP_SECS=$(run_field prescription-expiry-notifications "round(secs, 2)")

echo "ARC: seeding $AUDIT_ROWS audit records older than 90 days"
SEED_START=$(date +%s)
$PSQL -v rows="$AUDIT_ROWS" -f bench/jobs/seed-audit.sql > "$OUT/seed-audit.txt" 2>&1 || { cat "$OUT/seed-audit.txt"; exit 1; }
SEED_SECONDS=$(( $(date +%s) - SEED_START ))
echo "ARC: audit-log-archival"
run_job audit-log-archival
ARC_SECS=$(run_field audit-log-archival "round(secs, 2)")
ARC_RATE=$(run_field audit-log-archival "round(r['itemsProcessed'] / max(secs, 0.001))")
VERIFY=$(curl -s "$URL/api/audit/verify" -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("data", d))')
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

pass() { python3 -c "print('PASS' if ($1) else 'FAIL')"; }
{
  echo "jobs benchmark $(date -u +%FT%TZ), scale $SCALE, $(nproc) cores; load average at start $LOAD_START, at end $LOAD_END"
  awk -F'|' '/^ *(patients|prescriptions|prescription_fills) *\|/ {gsub(/ /, "", $1); gsub(/ /, "", $2); printf "%s=%s ", $1, $2} END {print ""}' "$OUT/generate.txt" | sed 's/^/data: /'
  echo "data generated in ${GEN_SECONDS}s; audit records seeded in ${SEED_SECONDS}s"
  echo "EXP  prescription-expiry-notifications: $(run_field prescription-expiry-notifications "r['status']") in ${EXP_SECS}s, items=$(run_field prescription-expiry-notifications "r['itemsProcessed']")"
  echo "     details: $(run_field prescription-expiry-notifications "json.dumps(r['details'])")"
  echo "ARC  audit-log-archival: $(run_field audit-log-archival "r['status']") in ${ARC_SECS}s, records=$(run_field audit-log-archival "r['itemsProcessed']"), ${ARC_RATE} rows/s"
  echo "     details: $(run_field audit-log-archival "json.dumps(r['details'])"); chain verify: $VERIFY"
  echo "PLAN index use (plans.txt):"
  grep -E "^==|Index|Seq Scan|Execution Time" "$OUT/plans.txt" | sed 's/^/     /'
  echo "targets (issue #5):"
  echo "  expiry job <= 30 s               $(pass "float('$EXP_SECS') <= 30")  (${EXP_SECS}s)"
  echo "  archival >= 50,000 rows/s        $(pass "float('$ARC_RATE') >= 50000")  (${ARC_RATE} rows/s)"
} | tee "$OUT/summary.txt"
