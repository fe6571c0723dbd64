#!/usr/bin/env bash
# Where the CPU goes: one closed-loop wrk scenario against a fresh Firebreak, reported as CPU per
# request (or per alert) for each thread group of Firebreak and for PostgreSQL, measured from /proc
# before and after the load, and again once grouping has caught up.
#
# Usage: bench/profile/run.sh [v2|webhook] [alerts per request, 1] [seconds, 15]
#   env: DB=postgres|h2 (postgres), WARM=30 (JIT warm-up seconds), CONNECTIONS=32,
#        PGSS=1  also list the statements by execution and planning time (pg_stat_statements; needs
#                shared_preload_libraries = 'pg_stat_statements' in postgresql.conf and a restart;
#                planning time also needs pg_stat_statements.track_planning = on),
#        JFR=1   also record CPU-time samples during the measurement (JDK 25 jdk.CPUTimeSample) and
#                print where the HTTP, writer and grouping threads spend it (bench/profile/jfr.py).
# Needs: what bench/run.sh needs. Output: bench/out/profile-<time>/.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/common.sh
PAYLOAD=${1:-v2}; BATCH=${2:-1}; DURATION=${3:-15}
DB=${DB:-postgres}; WARM=${WARM:-30}; CONNECTIONS=${CONNECTIONS:-32}
PASSWORD=bench-admin-password
OUT="bench/out/profile-$(date -u +%Y%m%dT%H%M%SZ)"; mkdir -p "$OUT"
PORT=$(free_port)
dbname=firebreak_profile_$$
if [ "$DB" = h2 ]; then url=$(h2_url "$PWD/$OUT/h2"); else url="$(fresh_postgres $dbname)?reWriteBatchedInserts=true"; fi
if [ -n "${JFR:-}" ]; then
  "$JAVA_HOME/bin/jfr" configure jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=2ms \
    jdk.ExecutionSample#enabled=false --output "$OUT/cpu.jfc" > /dev/null
fi
start_firebreak "$url" "$PORT" "$OUT/firebreak.log"
base=http://127.0.0.1:$PORT
token=$(admin_token "$base")
service=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"bench","tier":2}' "$base/api/v1/services" | json 'd["id"]')
if [ "$PAYLOAD" = webhook ]; then
  key=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench webhook\",\"type\":\"ALERTMANAGER\",\"serviceId\":$service,\"defaultLevel\":\"P3\"}" \
    "$base/api/v1/integrations" | json 'd["key"]')
  target=$base/api/v1/integrations/$key/alertmanager; bearer=
else
  key=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench prometheus\",\"type\":\"PROMETHEUS\",\"serviceId\":$service,\"defaultLevel\":\"P3\",\"grouping\":{\"mode\":\"SERVICE_AND_ALERTNAME\",\"groupLabels\":[],\"window\":\"PT4H\",\"openAfterFirings\":1,\"flapWindow\":\"PT10M\",\"maxReopensPerDay\":3,\"autoResolve\":true}}" \
    "$base/api/v1/integrations" | json 'd["key"]')
  target=$base/api/v2/alerts; bearer=$key
fi
backlog() { curl -fs -H "Authorization: Bearer $token" "$base/actuator/prometheus" \
  | awk '/^firebreak_alert_grouping_backlog /{printf "%d", $2}'; }
settle() { while [ "$(backlog)" -gt 0 ]; do sleep 1; done; }
load() { TOKEN=$bearer PAYLOAD=$PAYLOAD BATCH=$BATCH LABEL=$1 CONNECTIONS=$CONNECTIONS \
  wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/alerts.lua "$target"; }

load warm-up "$WARM" > /dev/null
settle
[ -n "${PGSS:-}" ] && psql -h 127.0.0.1 -U postgres -d $dbname -qAtc \
  "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" > /dev/null
[ -n "${JFR:-}" ] && "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=measure filename="$PWD/$OUT/cpu.jfr" \
  settings="$PWD/$OUT/cpu.jfc" > /dev/null
python3 bench/profile/cpu.py snapshot "$pid" > "$OUT/before.json"
load measured "$DURATION" | tail -n 1 | tee "$OUT/wrk.json"
python3 bench/profile/cpu.py snapshot "$pid" > "$OUT/during.json"
[ -n "${JFR:-}" ] && "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=measure > /dev/null
echo "grouping backlog when the load stopped: $(backlog)"
settle
python3 bench/profile/cpu.py snapshot "$pid" > "$OUT/after.json"
alerts=$(python3 -c "import json; d = json.load(open('$OUT/wrk.json')); print(d['ok'] * $BATCH)")
echo "--- CPU per alert while the load ran ($alerts alerts)"
python3 bench/profile/cpu.py diff "$OUT/before.json" "$OUT/during.json" "$alerts"
echo "--- CPU per alert including grouping's catch-up"
python3 bench/profile/cpu.py diff "$OUT/before.json" "$OUT/after.json" "$alerts"
if [ -n "${PGSS:-}" ]; then
  psql -h 127.0.0.1 -U postgres -d $dbname -c "SELECT calls, round((total_exec_time * 1000 / $alerts)::numeric, 1)
    AS exec_us_per_alert, round((total_plan_time * 1000 / $alerts)::numeric, 1) AS plan_us_per_alert,
    left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS statement FROM pg_stat_statements
    ORDER BY total_exec_time + total_plan_time DESC LIMIT 20"
fi
if [ -n "${JFR:-}" ]; then
  for threads in http-nio alert-writer alert-grouping; do python3 bench/profile/jfr.py "$OUT/cpu.jfr" $threads 25; done
fi
cleanup
[ "$DB" = h2 ] || dropdb -h 127.0.0.1 -U postgres --if-exists $dbname
