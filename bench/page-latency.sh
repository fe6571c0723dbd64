#!/usr/bin/env bash
# Alert arrival -> first page at a webhook receiver, Firebreak (H2 and PostgreSQL) side by side with
# Alertmanager 0.25 in the same run (bench/PageLatency.java does the sending and receiving).
#
# Firebreak: a service, an on-call user on a schedule, a default escalation policy paging the schedule
# at once, the user's personal rule "page me through the webhook channel at once" (the channel posts
# to the receiver; 127.0.0.1 allow-listed), a Prometheus (API v2) integration for the measured alerts
# (each a new alert name, so each opens an incident) and one for the background alerts (grouped by
# service and alert name into one incident). Per-destination throttling is raised for the run
# (--firebreak.notification.throttle-per-minute) because every measured alert pages the same receiver.
# Alertmanager: group_by [alertname], group_wait 0s, one webhook receiver; the same alerts.
#
# Usage: bench/page-latency.sh   (env: RUNS=3 DURATION=60 WARMUP=10 RATE=5 BACKGROUND=100 TARGETS="h2 postgres alertmanager")
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

RUNS=${RUNS:-3}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
RATE=${RATE:-5}
BACKGROUND=${BACKGROUND:-100}
TARGETS=${TARGETS:-"h2 postgres alertmanager"}
FB_JAVA_OPTS=${FB_JAVA_OPTS:-}
FB_PORT=$(free_port)
AM_PORT=$(free_port)
RECV_PORT=$(free_port)
PASSWORD=bench-admin-password
OUT="bench/out/page-latency-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"

{ echo "date: $(date -u)"; uname -srm; nproc; "$JAVA" -version 2>&1 | head -1;
  /usr/bin/prometheus-alertmanager --version 2>&1 | head -1; } | tee "$OUT/machine.txt"


measure() { # label url token background-url background-token
  for run in $(seq 1 "$RUNS"); do
    "$JAVA" bench/PageLatency.java --url "$2" ${3:+--token "$3"} --background-url "$4" ${5:+--background-token "$5"} \
      --receiver-port "$RECV_PORT" \
      --rate "$RATE" --background "$BACKGROUND" --duration "$DURATION" --warmup "$WARMUP" --label "$1" \
      | tee -a "$RESULTS"
  done
}

firebreak() { # target
  local target=$1 url
  if [ "$target" = h2 ]; then
    url=$(h2_url "$PWD/$OUT/h2")
  else
    url=$(fresh_postgres "firebreak_pagelat_$$")
  fi
  start_firebreak "$url" "$FB_PORT" "$OUT/firebreak-$target.log" --firebreak.notification.throttle-per-minute=1000000
  local base="http://127.0.0.1:$FB_PORT" token service user channel schedule measured background
  token=$(admin_token "$base")
  api() { curl -fsS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$3" "$base$2"; }
  service=$(api POST /api/v1/services '{"name":"bench","tier":1}' | json 'd["id"]')
  user=$(api POST /api/v1/users '{"username":"oncall","displayName":"On call","email":"oncall@bench.invalid","role":"RESPONDER","password":"bench-oncall-password","locale":"en","timeZone":"UTC"}' | json 'd["id"]')
  api POST /api/v1/notifications/allow-list '{"entry":"127.0.0.1"}' > /dev/null
  channel=$(api POST /api/v1/notifications/channels "{\"name\":\"pager\",\"kind\":\"webhook\",\"target\":\"http://127.0.0.1:$RECV_PORT/page\",\"secret\":\"bench-secret\",\"levels\":[\"NONE\"]}" | json 'd["id"]')
  api PUT "/api/v1/users/$user/notification-rules" "{\"rules\":[{\"method\":\"CHANNEL\",\"channelId\":$channel,\"delayMinutes\":0}]}" > /dev/null
  schedule=$(api POST /api/v1/schedules '{"name":"primary","timeZone":"UTC"}' | json 'd["id"]')
  api POST "/api/v1/schedules/$schedule/layers" "{\"name\":\"primary\",\"shiftKind\":\"DAILY\",\"handoffTime\":\"00:00\",\"startDate\":\"$(date -u -d '-7 days' +%F)\",\"participantIds\":[$user]}" > /dev/null
  api POST /api/v1/escalation-policies "{\"name\":\"default\",\"isDefault\":true,\"repeatCount\":0,\"serviceIds\":[$service],\"steps\":[{\"delayMinutes\":0,\"targets\":[{\"kind\":\"SCHEDULE\",\"id\":$schedule}]}]}" > /dev/null
  measured=$(api POST /api/v1/integrations "{\"name\":\"measured\",\"type\":\"PROMETHEUS\",\"serviceId\":$service,\"defaultLevel\":\"P1\"}" | json 'd["key"]')
  background=$(api POST /api/v1/integrations "{\"name\":\"background\",\"type\":\"PROMETHEUS\",\"serviceId\":$service,\"defaultLevel\":\"P3\",\"grouping\":{\"mode\":\"SERVICE_AND_ALERTNAME\",\"groupLabels\":[],\"window\":\"PT4H\",\"openAfterFirings\":1,\"flapWindow\":\"PT10M\",\"maxReopensPerDay\":3,\"autoResolve\":true}}" | json 'd["key"]')
  measure "$target" "$base/api/v2/alerts" "$measured" "$base/api/v2/alerts" "$background"
  cleanup
}

alertmanager() {
  mkdir -p "$OUT/am"
  cat > "$OUT/am/alertmanager.yml" <<YML
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 0s
  group_interval: 1m
  repeat_interval: 4h
receivers:
  - name: hook
    webhook_configs:
      - url: http://127.0.0.1:$RECV_PORT/am
        send_resolved: false
YML
  /usr/bin/prometheus-alertmanager --config.file="$OUT/am/alertmanager.yml" --storage.path="$OUT/am/data" \
    --web.listen-address=127.0.0.1:$AM_PORT --cluster.listen-address= > "$OUT/alertmanager.log" 2>&1 &
  pid=$!
  wait_http "http://127.0.0.1:$AM_PORT/-/ready" 30
  measure alertmanager "http://127.0.0.1:$AM_PORT/api/v2/alerts" "" "http://127.0.0.1:$AM_PORT/api/v2/alerts"
  cleanup
}

for t in $TARGETS; do
  case $t in
    h2|postgres) firebreak "$t" ;;
    alertmanager) alertmanager ;;
  esac
done

python3 - "$RESULTS" <<'PY' | tee "$OUT/summary.md"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {}
for r in rows:
    by.setdefault(r["label"], []).append(r)
print("| target | runs | pages counted | missing | p50 ms (median of runs) | p99 ms (median of runs) | max ms |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for label, rs in by.items():
    print(f"| {label} | {len(rs)} | {sum(r['received'] for r in rs)} | {sum(r['missing'] for r in rs)} | "
          f"{statistics.median(r['p50_ms'] for r in rs):.1f} | {statistics.median(r['p99_ms'] for r in rs):.1f} | "
          f"{max(r['max_ms'] for r in rs):.1f} |")
PY
