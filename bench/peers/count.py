#!/usr/bin/env python3
"""Peer for the tokenize + count benchmark: Python stdlib, re.findall(r"\\w+") + Counter.
usage: count.py CORPUS.json   -> one JSON line: {"tool", "mb", "seconds"}"""
import collections
import json
import re
import sys
import time

with open(sys.argv[1], encoding='utf-8') as f:
    texts = [a['text'] for a in json.load(f)['articles']]
mb = sum(len(t.encode('utf-8')) for t in texts) / 1e6
t0 = time.perf_counter()
counts = collections.Counter()
for t in texts:
    counts.update(re.findall(r'\w+', t.lower()))
secs = time.perf_counter() - t0
print(json.dumps({'tool': 'python re+Counter', 'mb': mb, 'seconds': secs, 'distinct': len(counts)}))
