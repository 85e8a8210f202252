#!/usr/bin/env python3
"""Deterministic synthetic corpus for the benchmarks: N articles (default 5,000, about 20 MB),
sentences resampled from the default corpus with vocabulary noise, spread over 100 outlets.

usage: make_corpus.py OUT.json [N]
The same N always gives the same bytes (fixed seed).
"""
import glob
import json
import os
import random
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))


def sentences():
    out = []
    for path in sorted(glob.glob(os.path.join(here, '..', 'assets', 'corpus', '*.txt'))):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if len(line) < 40:
                    continue
                out.extend(s for s in re.split(r'(?<=[.!?])\s+(?=[A-Z“"])', line) if len(s) > 20)
    return out


def noisy(rng, sentence):
    words = sentence.split(' ')
    for i, w in enumerate(words):
        r = rng.random()
        if r < 0.04:  # a new word: grows the vocabulary like real text does
            words[i] = ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(rng.randint(4, 11)))
        elif r < 0.08 and len(w) > 3 and w.isalpha():  # a variant spelling
            k = rng.randrange(len(w))
            words[i] = w[:k] + rng.choice('aeiouy') + w[k + 1:]
    return ' '.join(words)


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rng = random.Random(20180622)
    pool = sentences()
    articles = []
    for i in range(n):
        paras = []
        for _ in range(rng.randint(7, 11)):
            paras.append(' '.join(noisy(rng, rng.choice(pool)) for _ in range(rng.randint(2, 5))))
        title = noisy(rng, rng.choice(pool))[:90]
        articles.append({'source': f'synthetic-{i:05d}.txt', 'outlet': f'Outlet {i % 100:03d}',
                         'title': title, 'text': title + '\n\n' + '\n\n'.join(paras) + '\n'})
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump({'articles': articles}, f, ensure_ascii=False)
    print(f'{out}: {n} articles, {os.path.getsize(out) / 1e6:.1f} MB')


if __name__ == '__main__':
    main()
