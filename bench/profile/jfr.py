#!/usr/bin/env python3
"""Where a thread group's CPU time goes, from a JFR recording with jdk.CPUTimeSample (JDK 25).

  jfr.py RECORDING THREAD_PREFIX [TOP]     share of samples per method: where the CPU was spent
                                            (self) and which calls it was spent under (inclusive)
"""
import collections
import json
import os
import subprocess
import sys

jfr = os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'jfr')
out = subprocess.run([jfr, 'print', '--json', '--stack-depth', '96', '--events', 'jdk.CPUTimeSample', sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
prefix, top = sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 40
own, under, n = collections.Counter(), collections.Counter(), 0
for event in json.loads(out)['recording']['events']:
    thread = event['values'].get('eventThread') or {}
    if not (thread.get('javaName') or '').startswith(prefix):
        continue
    n += 1
    frames = [f['method']['type']['name'] + '.' + f['method']['name'] for f in event['values']['stackTrace']['frames']]
    own[frames[0]] += 1
    for f in set(frames):
        under[f] += 1
print(f'{n} samples of threads {prefix}*')
print('--- self')
for f, c in own.most_common(top):
    print(f'{100 * c / n:5.1f}% {f}')
print('--- inclusive')
for f, c in under.most_common(top):
    print(f'{100 * c / n:5.1f}% {f}')
