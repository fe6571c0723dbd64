#!/usr/bin/env python3
"""CPU time per thread group of a JVM and of the local PostgreSQL, for bench/profile/run.sh.

  cpu.py snapshot PID > snap.json          CPU ticks per thread group (Tomcat, writer, grouping, JIT,
                                            GC, other) and per PostgreSQL process kind, now
  cpu.py diff A.json B.json COUNT          microseconds of CPU per unit (request or alert) between two
                                            snapshots, largest first
"""
import json
import os
import re
import sys

HZ = os.sysconf('SC_CLK_TCK')


def ticks(stat_path):
    fields = open(stat_path).read().rsplit(')', 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def group(name):
    if name.startswith(('http-nio', 'tomcat')):
        return 'http'
    if name.startswith('alert-writer'):
        return 'writer'
    if name.startswith('alert-grouping'):
        return 'grouping'
    if name.startswith(('C1', 'C2')):
        return 'jit'
    if name.startswith(('GC', 'G1')):
        return 'gc'
    return 'other'


def snapshot(pid):
    groups = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            name = open(f'/proc/{pid}/task/{tid}/comm').read().strip()
            t = ticks(f'/proc/{pid}/task/{tid}/stat')
        except OSError:
            continue  # the thread ended meanwhile
        g = group(name)
        groups[g] = groups.get(g, 0) + t
    for p in filter(str.isdigit, os.listdir('/proc')):
        try:
            if not open(f'/proc/{p}/comm').read().startswith('postgres'):
                continue
            cmd = open(f'/proc/{p}/cmdline').read().replace('\0', ' ')
            t = ticks(f'/proc/{p}/stat')
        except OSError:
            continue
        kind = 'postgres backends' if re.search(r'\d+\.\d+\.\d+\.\d+\(|\[local\]', cmd) else 'postgres other'
        groups[kind] = groups.get(kind, 0) + t
    return groups


def diff(a, b, count):
    rows = sorted(((b[k] - a.get(k, 0), k) for k in b), reverse=True)
    total = 0.0
    for d, k in rows:
        if d > 0:
            us = d / HZ * 1e6 / count
            total += us
            print(f'{k:20s} {us:9.1f} µs')
    print(f'{"total":20s} {total:9.1f} µs')


if __name__ == '__main__':
    if sys.argv[1] == 'snapshot':
        print(json.dumps(snapshot(sys.argv[2])))
    else:
        diff(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), float(sys.argv[4]))
