#!/usr/bin/env bash
# Foundation benchmark (issue #2): in one run on this machine, measures
#   S = pgbench -S (built-in select-only), T = pgbench running the SQL transaction GET /api/users/{id} executes,
#   H = GET /ping (no auth, no database), G = authenticated GET /api/users/{id} (JWT, RLS, access audit),
# and prints G, G/T, G/H and latency percentiles, plus G's latency at about 80% of its maximum rate.
# Usage: bench/foundation.sh [duration-seconds]   (default 20). Results land in bench/results/.
# BENCH_JAVA picks the JVM (default: java on PATH), e.g. BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PG_PORT=${BENCH_PG_PORT:-54329}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
OUT=bench/results/foundation-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y wrk >/dev/null; }
command -v pgbench >/dev/null || { echo "installing pgbench"; apt-get install -y postgresql-client >/dev/null; }

JAR=target/rx-0.1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi

DATA=$OUT/data
echo "starting the service (embedded PostgreSQL on $PG_PORT, HTTP on $HTTP_PORT)"
RX_DEMO=true RX_DATA_DIR=$DATA RX_EMBEDDED_DB_PORT=$PG_PORT RX_PORT=$HTTP_PORT \
RX_RATE_LIMIT_USER_PER_MINUTE=100000000 RX_RATE_LIMIT_IP_PER_MINUTE=100000000 \
  ${BENCH_JAVA:-java} ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" > "$OUT/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$HTTP_PORT/actuator/health/readiness" >/dev/null && break
  sleep 1
done

TOKEN=$(curl -sf -X POST "http://localhost:$HTTP_PORT/auth/v1/token?grant_type=password" -H 'content-type: application/json' \
  -d '{"email":"admin@demo.rx","password":"Demo-Password-2026"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
CLAIMS=$(python3 -c 'import sys,base64; p=sys.argv[1].split(".")[1]; print(base64.urlsafe_b64decode(p+"="*(-len(p)%4)).decode())' "$TOKEN")
ADMIN_ID=$(python3 -c 'import sys,json; print(json.loads(sys.argv[1])["sub"])' "$CLAIMS")
TARGET=$(curl -sf "http://localhost:$HTTP_PORT/api/users?role=pharmacist" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import sys,json; print(json.load(sys.stdin)["data"][0]["id"])')
URL="http://localhost:$HTTP_PORT/api/users/$TARGET"
curl -sf "$URL" -H "Authorization: Bearer $TOKEN" >/dev/null

PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -X -q"
$PSQL -d postgres -c "drop database if exists pgbench" -c "create database pgbench"
pgbench -h 127.0.0.1 -p $PG_PORT -U postgres -i -s 10 -q pgbench 2>/dev/null

# T: the request's own SQL, as the app's login role: RLS settings with BEGIN, the select, the access-audit append.
SQL_CLAIMS=${CLAIMS//\'/\'\'}
cat > "$OUT/get_user.sql" <<SQL
BEGIN READ WRITE;
select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '$SQL_CLAIMS', true);
select id, email, full_name, phone, role, org_id, is_active, last_login, user_metadata::text, created_at, updated_at, version from users where id = '$TARGET';
select rx.audit_append(jsonb_build_array(jsonb_build_object('actorId', '$ADMIN_ID', 'actorRole', 'admin', 'action', 'user.read', 'resourceType', 'user', 'resourceId', '$TARGET', 'ip', '127.0.0.1', 'requestId', 'pgbench')));
COMMIT;
SQL

wrk_run() { # name url [extra wrk args...]
  local name=$1 url=$2; shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" > "$OUT/$name.txt"
  awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt"
}
pct() { awk -v p="$2" '$1==p {print $2}' "$OUT/$1.txt"; }

echo "warming up"; wrk -t2 -c"$CONNECTIONS" -d10s -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "http://localhost:$HTTP_PORT/ping" >/dev/null

echo "S: pgbench -S";   pgbench -h 127.0.0.1 -p $PG_PORT -U postgres -S -c "$CONNECTIONS" -j 2 -T "$DURATION" -n pgbench > "$OUT/S.txt" 2>&1
echo "T: request SQL";  pgbench -h 127.0.0.1 -p $PG_PORT -U rx_app -f "$OUT/get_user.sql" -c 8 -j 2 -T "$DURATION" -n postgres > "$OUT/T.txt" 2>&1
echo "H: /ping";        H=$(wrk_run H "http://localhost:$HTTP_PORT/ping")
echo "G: GET /api/users/{id}"; G=$(wrk_run G "$URL" -H "Authorization: Bearer $TOKEN")
S=$(awk '/^tps/ {print $3; exit}' "$OUT/S.txt")
T=$(awk '/^tps/ {print $3; exit}' "$OUT/T.txt")

# G at about 80% of its maximum: each connection paces itself with wrk's delay() hook.
RATE=$(python3 -c "print(int(float('$G')*0.8))")
DELAY_MS=$(python3 -c "print(max(0.0, $CONNECTIONS*1000.0/$RATE - 1.0))")
cat > "$OUT/paced.lua" <<LUA
function delay() return $DELAY_MS end
LUA
echo "G80: paced at about $RATE req/s"; G80=$(wrk_run G80 "$URL" -H "Authorization: Bearer $TOKEN" -s "$OUT/paced.lua")

ERRORS=$(grep -h "Non-2xx" "$OUT/G.txt" "$OUT/G80.txt" || true)
AUDITED=$($PSQL -d postgres -t -A -c "select count(*) from audit_log where action = 'user.read'")
{
  echo "foundation benchmark $(date -u +%FT%TZ), ${DURATION}s per run, $CONNECTIONS connections, $(nproc) cores, $(${BENCH_JAVA:-java} -version 2>&1 | head -1)"
  echo "S  pgbench -S                     tps=$S"
  echo "T  pgbench GET /api/users/{id} SQL tps=$T"
  echo "H  GET /ping                      req/s=$H  p50=$(pct H 50%) p99=$(pct H 99%)"
  echo "G  GET /api/users/{id}            req/s=$G  p50=$(pct G 50%) p90=$(pct G 90%) p99=$(pct G 99%)"
  echo "G80 paced at ~80% of G            req/s=$G80  p50=$(pct G80 50%) p90=$(pct G80 90%) p99=$(pct G80 99%)"
  python3 -c "print(f'G/T = {float(\"$G\")/float(\"$T\"):.2f}   G/H = {float(\"$G\")/float(\"$H\"):.2f}   G/S = {float(\"$G\")/float(\"$S\"):.3f}')"
  echo "non-2xx: ${ERRORS:-none}"
  echo "user.read access records written: $AUDITED"
} | tee "$OUT/summary.txt"
