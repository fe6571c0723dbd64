#!/usr/bin/env bash
# Firebreak deadline benchmark: how late escalation steps are paged with 10,000 pending deadlines.
#
# For each target (H2: a fresh file database; PostgreSQL: a fresh database on 127.0.0.1:5432),
# starts the built jar and, with bench/deadlines/Deadlines.java (see its header for the details):
#   seed     a pager, a service, its escalation policy and one incident through the public API,
#            then COUNT copies of that incident by SQL, each with its escalation's step 2 pending:
#            COUNT deadlines spread evenly over WINDOW seconds, starting LEAD seconds later (after
#            2,000 unmeasured warm-up deadlines at the same rate, so the paging code is JIT-compiled).
#   measure  spread: lateness = step 2's paged_at - its due_at, for every copy.
#   burst    every copy's step 3 moved by SQL to one instant 20 s ahead; the same for step 3.
# LEAD (150 s) lets the clock rules' first reconciling pass, a minute after start, which recomputes
# every open incident (10,001 here; hourly afterwards), finish before the window: the numbers are
# the steady state. LEAD=20 measures the window while that pass runs (see docs/performance.md).
# The application is not told about rows written by SQL: its scheduled pass (1 s) arms the
# wake-up at the earliest due row, as for rows written by another instance.
# Each target is measured RUNS times (a fresh database each time); the summary gives medians.
#
# Usage: bench/deadlines/run.sh    (env: RUNS=1 COUNT=10000 WINDOW=60 LEAD=150 TARGETS="h2 postgres")
# Needs: JDK 25 (temurin), the jar (built if missing), PostgreSQL on 127.0.0.1:5432 (trust auth,
#        user postgres, createdb/dropdb), python3, curl, and the H2 and PostgreSQL JDBC drivers in
#        ~/.m2 (the build downloads both). The H2 file is opened with AUTO_SERVER=TRUE so that the
#        bench program can connect while the application has it open.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/common.sh

RUNS=${RUNS:-1}
COUNT=${COUNT:-10000}
WINDOW=${WINDOW:-60}
LEAD=${LEAD:-150}
TARGETS=${TARGETS:-"h2 postgres"}
PASSWORD=bench-admin-password
OUT="bench/out/deadlines-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"
CP=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -n 1):$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -n 1)

{ echo "jar: $jar"; echo "date: $(date -u)"; uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo || true;
  free -m | head -2; "$JAVA" -version 2>&1 | head -1; psql -h 127.0.0.1 -U postgres -Atc 'select version()' 2>/dev/null || true
  echo "COUNT=$COUNT WINDOW=$WINDOW LEAD=$LEAD RUNS=$RUNS"; uptime; } > "$OUT/machine.txt"
cat "$OUT/machine.txt"



bench() { # target run
  local target=$1 run=$2 port base jdbc user plan="$OUT/plan-$1-$2.txt"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  if [ "$target" = h2 ]; then
    jdbc=$(h2_url "$PWD/$OUT/h2-$run" TRUE)
    user=sa
  else
    jdbc=$(fresh_postgres "firebreak_deadlines_$$_$run")
    user=postgres
  fi
  start_firebreak "$jdbc" "$port" "$OUT/firebreak-$target-$run.log" --logging.level.io.firebreak.escalation.rules=INFO
  local args=(--base "$base" --password "$PASSWORD" --jdbc "$jdbc" --user "$user" --plan "$plan" --count "$COUNT"
    --window "$WINDOW" --lead "$LEAD" --label "$target")
  "$JAVA" -cp "$CP" bench/deadlines/Deadlines.java seed "${args[@]}" 2>&1 | tee -a "$OUT/progress.txt"
  "$JAVA" -cp "$CP" bench/deadlines/Deadlines.java measure "${args[@]}" | tee -a "$RESULTS"
  "$JAVA" -cp "$CP" bench/deadlines/Deadlines.java burst "${args[@]}" | tee -a "$RESULTS"
  cleanup
}

for t in $TARGETS; do
  for run in $(seq 1 "$RUNS"); do
    bench "$t" "$run"
  done
done

python3 - "$RESULTS" <<'EOF' | tee "$OUT/summary.md"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("| scenario | runs | deadlines | fired | missing | early | median ms | p90 ms | p99 ms | max ms |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for label in dict.fromkeys(r["label"] for r in rows):
    rs = [r for r in rows if r["label"] == label]
    med = lambda k: statistics.median(r[k] for r in rs)
    print(f"| {label} | {len(rs)} | {rs[0]['count']} | {min(r['fired'] for r in rs)} | {max(r['missing'] for r in rs)} "
          f"| {max(r['early'] for r in rs)} | {med('median_ms'):.1f} | {med('p90_ms'):.1f} | {med('p99_ms'):.1f} "
          f"| {med('max_ms'):.1f} |")
EOF
