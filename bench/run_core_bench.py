#!/usr/bin/env python3
"""Corpus-core benchmark: Presslens natively and in wasm (under node) next to two peers, all
run in this one invocation on the same synthetic corpus, medians of R runs, ratios to the peers.

usage: python3 bench/run_core_bench.py [--runs R] [--write docs/benchmarks.md]
Needs build/native/presslens_bench and build/web/presslens_bench.js (cmake --build --preset ...).
Throughput is timed inside each process around the work itself (loading and parsing the JSON
file is excluded for everyone); peak memory is the process's max RSS natively and the wasm heap.
"""
import datetime
import json
import os
import re
import statistics
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
corpus = os.path.join(root, 'bench', 'out', 'synthetic-5000.json')
args = sys.argv[1:]
runs = int(args[args.index('--runs') + 1]) if '--runs' in args else 3
write = args[args.index('--write') + 1] if '--write' in args else None

if not os.path.exists(corpus):
    subprocess.run([sys.executable, os.path.join(here, 'make_corpus.py'), corpus, '5000'], check=True)
env = dict(os.environ, NODE_PATH='/usr/share/nodejs')
commands = {
    'native': [os.path.join(root, 'build/native/presslens_bench'), corpus],
    'wasm': ['node', os.path.join(root, 'build/web/presslens_bench.js'), corpus],
    'python': [sys.executable, os.path.join(here, 'peers/count.py'), corpus],
    'node': ['node', os.path.join(here, 'peers/count.mjs'), corpus],
}
results = {k: [] for k in commands}
for r in range(runs):  # interleaved, so drift hits every tool alike
    for name, cmd in commands.items():
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
        results[name].append([json.loads(l) for l in out.splitlines() if l.startswith('{')])


def med(name, task, key='seconds'):
    vals = [next(x for x in rs if x.get('task', 'tokenize+count') == task)[key] for rs in results[name]]
    return statistics.median(vals)


mb = results['native'][0][0]['mb']
a = {k: med(k, 'tokenize+count') for k in commands}
b_native, b_wasm = med('native', 'full analysis'), med('wasm', 'full analysis')
mem_native, mem_wasm = med('native', 'full analysis', 'peak_mb'), med('wasm', 'full analysis', 'peak_mb')
lines = [
    f'Corpus: `bench/out/synthetic-5000.json`, 5,000 articles, {mb:.1f} MB of text (`bench/make_corpus.py`, fixed seed). '
    f'Medians of {runs} interleaved runs.', '',
    '### (a) tokenize + fold + count', '',
    '| tool | seconds | MB/s | vs node peer | vs python peer |', '|---|---:|---:|---:|---:|',
]
for name, label in [('native', 'Presslens native'), ('wasm', 'Presslens wasm (node)'), ('node', 'peer: node regex + Map'),
                    ('python', 'peer: python re + Counter')]:
    lines.append(f'| {label} | {a[name]:.3f} | {mb / a[name]:.0f} | {a["node"] / a[name]:.1f}x | {a["python"] / a[name]:.1f}x |')
lines += ['', f'Targets: native ≥ 30x the node peer ({"met" if a["node"] / a["native"] >= 30 else "missed"}, '
          f'{a["node"] / a["native"]:.1f}x); wasm ≥ 10x ({"met" if a["node"] / a["wasm"] >= 10 else "missed"}, '
          f'{a["node"] / a["wasm"]:.1f}x).', '',
          '### (b) full analysis (cleaning, sentences, language per article and sentence, term counts, keyness)', '',
          '| target | seconds | MB/s | peak memory | memory / corpus |', '|---|---:|---:|---:|---:|',
          f'| native | {b_native:.2f} | {mb / b_native:.1f} | {mem_native:.0f} MB (max RSS) | {mem_native / mb:.1f}x |',
          f'| wasm (node) | {b_wasm:.2f} | {mb / b_wasm:.1f} | {mem_wasm:.0f} MB (wasm heap) | {mem_wasm / mb:.1f}x |', '',
          f'Targets: wasm full analysis ≤ 1 s ({"met" if b_wasm <= 1 else "missed"}, {b_wasm:.2f} s); '
          f'peak memory ≤ 4x the corpus ({"met" if max(mem_native, mem_wasm) / mb <= 4 else "missed"}).']
c_native, c_wasm = med('native', 'codebook match'), med('wasm', 'codebook match')
cm_native, cm_wasm = med('native', 'codebook match', 'peak_mb'), med('wasm', 'codebook match', 'peak_mb')
hits = results['native'][0][2]['hits']
# what the default codebook holds, counted from the file itself
default_cb = json.load(open(os.path.join(root, 'assets', 'codebook', 'default.json'), encoding='utf-8'))
cb_rules = [r for c in default_cb['codes'] for r in c['rules']]
cb_langs = sorted({l for r in cb_rules for l in ([r['lang']] if isinstance(r.get('lang'), str) else r.get('lang', []))} - {'*'})
lines += ['', f'### (c) matching the default codebook ({len(default_cb["codes"])} codes, {len(cb_rules)} rules, '
          f'{len(cb_langs)} languages, with the shared vocabularies) and building the matrix', '',
          f'On the analysed corpus above; {hits:,} evidence sentences found. The ratio compares the match with the '
          'node peer\'s plain word count of the same text in this run.', '',
          '| target | seconds | MB/s | vs node peer word count | peak memory after matching |', '|---|---:|---:|---:|---:|',
          f'| native | {c_native:.2f} | {mb / c_native:.1f} | {c_native / a["node"]:.2f}x the time | {cm_native:.0f} MB |',
          f'| wasm (node) | {c_wasm:.2f} | {mb / c_wasm:.1f} | {c_wasm / a["node"]:.2f}x the time | {cm_wasm:.0f} MB |']
report = '\n'.join(lines)
print(report)
if write:
    begin, end = '<!-- core:begin -->', '<!-- core:end -->'
    doc = open(write, encoding='utf-8').read() if os.path.exists(write) else '# Benchmarks\n'
    block = (f'{begin}\n_Measured {datetime.date.today()} with `python3 bench/run_core_bench.py --write {write}`._\n\n'
             f'{report}\n{end}')
    if begin in doc:
        doc = re.sub(re.escape(begin) + r'[\s\S]*' + re.escape(end), lambda m: block, doc)
    else:
        doc += f'\n## Corpus core\n\n{block}\n'
    open(write, 'w', encoding='utf-8').write(doc)
    print(f'written to {write}')
