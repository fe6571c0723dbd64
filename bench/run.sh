#!/usr/bin/env bash
# Firebreak ingestion benchmark, side by side with Alertmanager 0.25 in the same run.
#
# Starts the built Firebreak jar on H2 (a fresh file database) and on PostgreSQL (a fresh database
# on 127.0.0.1:5432), creates an Alertmanager-webhook and a Prometheus (API v2) integration, warms
# the server up (the JIT needs about half a minute of load), and measures closed-loop scenarios
# with wrk (bench/alerts.lua: a C load generator costs ~25 µs of CPU per request, a tenth of what
# the JVM LoadGen costs on these 2 cores) and the open-loop rate with bench/LoadGen.java:
#   single-webhook  1 alert per Alertmanager webhook request, closed loop      -> requests/s
#   single-v2       1 alert per Alertmanager API v2 request, closed loop        -> requests/s
#   batch-webhook   100 alerts per Alertmanager webhook request                 -> alerts/s
#   batch-v2        100 alerts per API v2 request                               -> alerts/s
#   rate-2000       open loop at 2,000 requests/s (1 alert, API v2)            -> p50/p99 latency
#   dedup-v2        1 alert per request drawn from 10 label sets (dedup-heavy)  -> requests/s
# then the same v2 scenarios against prometheus-alertmanager's own /api/v2/alerts. Each scenario is
# repeated RUNS times; the summary reports medians and Firebreak/Alertmanager ratios.
#
# The v2 integration groups by service + alertname, so the storm of distinct alerts becomes one
# incident, as Alertmanager's default route puts them all in one group; the webhook's alerts share
# one groupKey. Grouping runs during the measurements; after each scenario the script reports how
# far it was behind and waits until it has caught up (settle).
#
# Usage: bench/run.sh   (env: RUNS=3 DURATION=10 WARMUP=3 JIT_WARMUP=30 CONNECTIONS=32 TARGETS="h2 postgres alertmanager")
# Needs: JDK 25 (temurin), the jar (built if missing), PostgreSQL on 127.0.0.1:5432 (trust auth),
#        wrk and /usr/bin/prometheus-alertmanager (apt-get install -y wrk prometheus-alertmanager), python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
JIT_WARMUP=${JIT_WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
TARGETS=${TARGETS:-"h2 postgres alertmanager"}
FB_PORT=${FB_PORT:-$(free_port)}
AM_PORT=${AM_PORT:-$(free_port)}
PASSWORD=bench-admin-password
OUT="bench/out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"

echo "jar: $jar" | tee "$OUT/machine.txt"
{ echo "date: $(date -u)"; uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo || true; free -m | head -2;
  "$JAVA" -version 2>&1 | head -1; psql -h 127.0.0.1 -U postgres -Atc 'select version()' 2>/dev/null || true;
  /usr/bin/prometheus-alertmanager --version 2>&1 | head -1; } >> "$OUT/machine.txt"
cat "$OUT/machine.txt"



# Closed loop with wrk: RUNS measured runs of DURATION seconds, each after WARMUP unmeasured seconds.
closed() { # label url token payload batch
  local label=$1 url=$2 token=$3 payload=$4 batch=$5
  for run in $(seq 1 "$RUNS"); do
    TOKEN=$token PAYLOAD=$payload BATCH=$batch LABEL=$label CONNECTIONS=$CONNECTIONS \
      wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/alerts.lua "$url" > /dev/null
    TOKEN=$token PAYLOAD=$payload BATCH=$batch LABEL=$label CONNECTIONS=$CONNECTIONS \
      wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/alerts.lua "$url" | tail -n 1 | tee -a "$RESULTS"
  done
}

# Open loop with LoadGen (wrk has no fixed-rate mode here).
load() { # label url token payload batch mode [extra...]
  local label=$1 url=$2 token=$3 payload=$4 batch=$5 mode=$6; shift 6
  for run in $(seq 1 "$RUNS"); do
    local line
    line=$("$JAVA" -Xss512k bench/LoadGen.java --url "$url" ${token:+--token "$token"} --payload "$payload" \
      --batch "$batch" --mode "$mode" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" \
      --label "$label" "$@")
    echo "$line" | tee -a "$RESULTS"
  done
}


firebreak() { # target
  local target=$1 url
  if [ "$target" = h2 ]; then
    url=$(h2_url "$PWD/$OUT/h2")
  else
    url="$(fresh_postgres "firebreak_bench_$$")?reWriteBatchedInserts=true"
  fi
  start_firebreak "$url" "$FB_PORT" "$OUT/firebreak-$target.log"
  local base="http://127.0.0.1:$FB_PORT"
  local token service webhook v2
  token=$(admin_token "$base")
  service=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"bench","tier":2}' "$base/api/v1/services" | json 'd["id"]')
  webhook=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench webhook\",\"type\":\"ALERTMANAGER\",\"serviceId\":$service,\"defaultLevel\":\"P3\"}" \
    "$base/api/v1/integrations" | json 'd["key"]')
  v2=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench prometheus\",\"type\":\"PROMETHEUS\",\"serviceId\":$service,\"defaultLevel\":\"P3\",\"grouping\":{\"mode\":\"SERVICE_AND_ALERTNAME\",\"groupLabels\":[],\"window\":\"PT4H\",\"openAfterFirings\":1,\"flapWindow\":\"PT10M\",\"maxReopensPerDay\":3,\"autoResolve\":true}}" \
    "$base/api/v1/integrations" | json 'd["key"]')
  TOKEN=$v2 PAYLOAD=v2 wrk -t2 -c"$CONNECTIONS" -d"${JIT_WARMUP}s" -s bench/alerts.lua "$base/api/v2/alerts" > /dev/null
  settle "$target warm-up" "$base" "$token"
  closed "$target single-webhook" "$base/api/v1/integrations/$webhook/alertmanager" "" webhook 1
  settle "$target single-webhook" "$base" "$token"
  closed "$target single-v2" "$base/api/v2/alerts" "$v2" v2 1
  settle "$target single-v2" "$base" "$token"
  closed "$target batch-webhook" "$base/api/v1/integrations/$webhook/alertmanager" "" webhook 100
  settle "$target batch-webhook" "$base" "$token"
  closed "$target batch-v2" "$base/api/v2/alerts" "$v2" v2 100
  settle "$target batch-v2" "$base" "$token"
  load "$target rate-2000" "$base/api/v2/alerts" "$v2" v2 1 rate --rate 2000 --connections 128
  settle "$target rate-2000" "$base" "$token"
  closed "$target dedup-v2" "$base/api/v2/alerts" "$v2" v2-dedup 1
  settle "$target dedup-v2" "$base" "$token"
  cleanup
}

# After a scenario: how far grouping was behind when the load stopped (the gauge
# firebreak_alert_grouping_backlog) and how long it took to catch up; the next scenario starts only
# then, so no scenario pays for the previous one's backlog.
settle() { # label base token
  local label=$1 base=$2 token=$3 backlog left start
  gauge() { curl -fs -H "Authorization: Bearer $token" "$base/actuator/prometheus" \
    | awk '/^firebreak_alert_grouping_backlog /{printf "%d", $2}'; }
  backlog=$(gauge); left=$backlog; start=$(date +%s)
  while [ "${left:-0}" -gt 0 ] && [ $(( $(date +%s) - start )) -lt 900 ]; do sleep 2; left=$(gauge); done
  echo "{\"grouping\":\"$label\",\"backlogAtEnd\":${backlog:-0},\"caughtUpSeconds\":$(( $(date +%s) - start )),\"left\":${left:-0}}" \
    | tee -a "$RESULTS"
}

alertmanager() {
  mkdir -p "$OUT/am"
  printf 'route:\n  receiver: none\nreceivers:\n  - name: none\n' > "$OUT/am/alertmanager.yml"
  /usr/bin/prometheus-alertmanager --config.file="$OUT/am/alertmanager.yml" --storage.path="$OUT/am/data" \
    --web.listen-address=127.0.0.1:$AM_PORT --cluster.listen-address= > "$OUT/alertmanager.log" 2>&1 &
  pid=$!
  wait_http "http://127.0.0.1:$AM_PORT/-/ready" 30
  local url="http://127.0.0.1:$AM_PORT/api/v2/alerts"
  PAYLOAD=v2 wrk -t2 -c"$CONNECTIONS" -d"${JIT_WARMUP}s" -s bench/alerts.lua "$url" > /dev/null
  closed "alertmanager single-v2" "$url" "" v2 1
  closed "alertmanager batch-v2" "$url" "" v2 100
  load "alertmanager rate-2000" "$url" "" v2 1 rate --rate 2000 --connections 128
  closed "alertmanager dedup-v2" "$url" "" v2-dedup 1
  cleanup
}

for t in $TARGETS; do
  case $t in
    h2|postgres) firebreak "$t" ;;
    alertmanager) alertmanager ;;
  esac
done

python3 bench/summary.py "$RESULTS" | tee "$OUT/summary.md"
