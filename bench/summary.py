#!/usr/bin/env python3
"""Summarises bench/run.sh results (JSON lines from wrk/alerts.lua and LoadGen): medians per target and scenario, ratios to Alertmanager."""
import json
import statistics
import sys
from collections import defaultdict

rows = defaultdict(list)
backlogs = []
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith('{'):
        d = json.loads(line)
        if 'grouping' in d:
            backlogs.append(d)
            continue
        target, scenario = d['label'].split(' ', 1)
        rows[(target, scenario)].append(d)

targets = [t for t in ('h2', 'postgres', 'alertmanager') if any(k[0] == t for k in rows)]
scenarios = ['single-webhook', 'single-v2', 'batch-webhook', 'batch-v2', 'rate-2000', 'dedup-v2']


def med(runs, key):
    return statistics.median(r[key] for r in runs)


def cell(target, scenario):
    runs = rows.get((target, scenario))
    if not runs:
        return 'n/a', None
    errors = sum(r['non2xx'] + r['ioErrors'] for r in runs)
    unsent = sum(r.get('unsent', 0) for r in runs)
    err = f' ({errors} non-2xx/errors)' if errors else ''
    if unsent:
        err += f' ({unsent} requests never sent: rate not kept)'
    if scenario.startswith('batch'):
        v = med(runs, 'alertsPerSec')
        return f"{v:,.0f} alerts/s, p99 {med(runs, 'p99ms'):.0f} ms{err}", v
    if scenario == 'rate-2000':
        return f"p50 {med(runs, 'p50ms'):.1f} ms, p99 {med(runs, 'p99ms'):.1f} ms at {med(runs, 'requestsPerSec'):,.0f}/s{err}", med(runs, 'p99ms')
    v = med(runs, 'requestsPerSec')
    return f"{v:,.0f} req/s, p50 {med(runs, 'p50ms'):.1f} ms, p99 {med(runs, 'p99ms'):.1f} ms{err}", v


print('| scenario | ' + ' | '.join(targets) + (' | PostgreSQL / Alertmanager |' if 'alertmanager' in targets else ' |'))
print('|---' * (len(targets) + 1 + (1 if 'alertmanager' in targets else 0)) + '|')
for s in scenarios:
    cells = [cell(t, s) for t in targets]
    line = f'| {s} | ' + ' | '.join(c[0] for c in cells) + ' |'
    if 'alertmanager' in targets:
        pg = cell('postgres', s)[1]
        am_scenario = s.replace('webhook', 'v2')
        am = cell('alertmanager', am_scenario)[1]
        if pg is not None and am and s != 'rate-2000':
            line += f' {pg / am:.2f} |'
        else:
            line += ' |'
    print(line)
print()
print(f"runs per cell: {max((len(v) for v in rows.values()), default=0)}; medians shown")
if backlogs:
    print()
    print('| grouping after | feed entries behind when the load stopped | caught up after |')
    print('|---|---|---|')
    for b in backlogs:
        print(f"| {b['grouping']} | {b['backlogAtEnd']:,} | {b['caughtUpSeconds']} s"
              + (f" ({b['left']:,} still left)" if b['left'] else '') + ' |')
