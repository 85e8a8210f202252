#!/usr/bin/env python3
"""HTML extraction benchmark: Presslens's HTML reader against hand-judged article bodies.

usage: python3 bench/html/run.py [DATASET] [--build build/native] [--repeat N] [--worst K] [--write docs/benchmarks.md]

DATASET (default ../shared/html-extraction beside the clone) holds html/<key>.html.gz and
ground-truth.json (key -> {"url", "articleBody"}), pages of the public Article Extraction
Benchmark. They are read where they are, decompressed into a temporary folder, never copied into
the repository. Scored with the benchmark's metric as its README states it (our own code):
tokens are runs of word characters, shingles every 4 consecutive tokens, per page tp/fp/fn from
the multisets normalised to sum 1, precision and recall as means over pages, F1 of the means,
accuracy as exact token sequences. Beside ours, in the same run: the naive peer (all the text of
the page, from the same gumbo parse) and the published figures. Speed: pages per second of each,
natively, best of N passes.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

PUBLISHED = [  # the dataset README's figures on the whole benchmark (181 pages)
    ('trafilatura 2.0.0', 0.958, 0.938, 0.978),
    ('Readability.js 0.6.0', 0.947, 0.914, 0.982),
    ('newspaper4k', 0.949, 0.964, 0.934),
    ('go-domdistiller', 0.927, 0.901, 0.956),
    ('boilerpipe', 0.860, 0.850, 0.870),
    ('html-text (all text)', 0.665, 0.499, 0.994),
]

WORD = re.compile(r'\w+')


def tokens(text):
    return WORD.findall(text or '')


def shingles(toks, n=4):
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(truth, pred):
    t, p = shingles(tokens(truth)), shingles(tokens(pred))
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(pairs):
    """pairs: [(truth, prediction)] -> (precision, recall, f1, accuracy)."""
    precisions, recalls, exact = [], [], 0
    for truth, pred in pairs:
        tp, fp, fn = page_counts(truth, pred)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if fp == 0 and fn == 0:
            recalls.append(1.0)
        elif tp + fn > 0:
            recalls.append(tp / (tp + fn))
        exact += tokens(truth) == tokens(pred)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, exact / len(pairs) if pairs else 0.0


def page_f1(truth, pred):
    tp, fp, fn = page_counts(truth, pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dataset', nargs='?', default=os.path.join(os.path.dirname(ROOT), 'shared', 'html-extraction'))
    ap.add_argument('--build', default=os.path.join(ROOT, 'build', 'native'))
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--worst', type=int, default=0, help='list the K pages where ours scores lowest')
    ap.add_argument('--write', metavar='FILE', help='replace the table between the html-extraction markers in FILE')
    args = ap.parse_args()

    truth = json.load(open(os.path.join(args.dataset, 'ground-truth.json'), encoding='utf-8'))
    exe = os.path.join(args.build, 'presslens_html_bench')
    if not os.path.exists(exe):
        sys.exit(f'{exe} not found: cmake --build --preset native --target presslens_html_bench')
    keys = sorted(truth)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k in keys:
            path = os.path.join(tmp, k + '.html')
            with gzip.open(os.path.join(args.dataset, 'html', k + '.html.gz')) as f, open(path, 'wb') as out:
                out.write(f.read())
            files.append(path)
        run = subprocess.run([exe, '--repeat', str(args.repeat)] + files, capture_output=True, check=True)
        result = json.loads(run.stdout)
    pages = result['pages']
    n = len(pages)
    ours = score([(truth[k]['articleBody'], p['ours']) for k, p in zip(keys, pages)])
    peer = score([(truth[k]['articleBody'], p['peer']) for k, p in zip(keys, pages)])

    total_bytes = result.get('bytes', 0)
    lines = [f'{n} pages ({total_bytes / 1e6:.1f} MB) of the Article Extraction Benchmark, scored with its metric '
             f'(`python3 bench/html/run.py`; speed: best of {args.repeat} passes over all pages, natively, one core):',
             '',
             '| extractor | F1 | precision | recall | accuracy | pages/s |',
             '|---|---:|---:|---:|---:|---:|',
             f'| **Presslens (`io/html`), this run** | **{ours[2]:.3f}** | {ours[0]:.3f} | {ours[1]:.3f} | {ours[3]:.3f} '
             f'| {n / result["ours_seconds"]:.0f} |',
             f'| peer: all the text of the page (same parser), this run | {peer[2]:.3f} | {peer[0]:.3f} | {peer[1]:.3f} '
             f'| {peer[3]:.3f} | {n / result["peer_seconds"]:.0f} |']
    for name, f1, p, r in PUBLISHED:
        lines.append(f'| {name}, published (181 pages) | {f1:.3f} | {p:.3f} | {r:.3f} | | |')
    lines += ['', f'Speed: ours {n / result["ours_seconds"]:.0f} pages/s ({total_bytes / 1e6 / result["ours_seconds"]:.1f} MB/s), '
              f'the peer {n / result["peer_seconds"]:.0f} pages/s: ours takes {result["ours_seconds"] / result["peer_seconds"]:.2f}x '
              f'the peer\'s time.']
    table = '\n'.join(lines)
    print(table)
    if args.write:
        doc = open(args.write, encoding='utf-8').read()
        begin, end = '<!-- html-extraction:begin -->', '<!-- html-extraction:end -->'
        if begin not in doc or end not in doc:
            sys.exit(f'{args.write} has no {begin} ... {end} markers')
        head, rest = doc.split(begin, 1)
        doc = head + begin + '\n' + table + '\n' + end + rest.split(end, 1)[1]
        open(args.write, 'w', encoding='utf-8').write(doc)
        print(f'written to {args.write}')
    if args.worst:
        ranked = sorted((page_f1(truth[k]['articleBody'], p['ours']), k) for k, p in zip(keys, pages))
        print(f'\nlowest {args.worst}:')
        for f, k in ranked[:args.worst]:
            print(f'  {f:.3f} {k} {truth[k]["url"]}')


if __name__ == '__main__':
    main()
