#!/usr/bin/env python3
"""Accuracy of the matrix on hand-labelled real articles, with a naive peer in the same run.

usage: python3 bench/accuracy/run.py [--cli build/native/presslens-cli] [--set NAME]
                                      [--codebook FILE] [--errors] [--write docs/benchmarks.md]

Each folder of bench/accuracy/sets/ holds articles/*.txt (front matter + the text as the page store
gave it), claims.json (the claims, with each one's English keywords), labels.json (every article x
claim judged by hand, with the sentence that shows it) and, except for the default story, its
codebooks: codebook.json, in English only, written by the labeller before reading the articles (as
a new user would), and codebook.multi.json, in eight languages with the shared vocabularies,
written from the claims alone by someone who never saw the articles. Each codebook is scored. The
default story's set (amazon-letter-2018) is scored with the embedded default codebook, with its
own English-only codebook.json (written from claims.json alone, blind to the articles) and with
codebook.docs.json, the example of docs/formats.md (one claim, D1: a codebook is scored on the
claims it has codes for). --expand also scores each English-only codebook after `codebook expand`.

Units are article x claim. Presslens says 1 when the claim has an evidence sentence in the article
(`presslens-cli evidence`); a cell the codebook cannot see (no rule in the article's language) is
counted as 0 and also reported as "not covered". The naive peer says 1 when one of the claim's
English keywords occurs in the article's text (whole words, case-folded). Precision, recall and F1
per claim and per language; macro-F1 is the mean of the claims' F1.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ERRORS = False
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_cli(cli, args):
    p = subprocess.run([cli] + args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f'{cli} {" ".join(args)} failed:\n{p.stderr}')
    return p.stdout


def fold(s):
    return unicodedata.normalize('NFC', s).casefold().replace('\u2019', "'")


def body_of(path):
    """The article text after its front matter (Key: value lines and a blank line)."""
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    lines = text.split('\n')
    i = 0
    while i < len(lines) and re.match(r'^[A-Za-z]+: ', lines[i]):
        i += 1
    if i > 0 and i < len(lines) and lines[i].strip() == '':
        return '\n'.join(lines[i + 1:])
    return text


def naive(text, keywords):
    t = fold(text)
    for k in keywords:
        if re.search(r'(?<!\w)' + re.escape(fold(k)) + r'(?!\w)', t):
            return 1
    return 0


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, gold, pred):
        if gold and pred: self.tp += 1
        elif pred: self.fp += 1
        elif gold: self.fn += 1
        else: self.tn += 1

    def prf(self):
        return prf(self.tp, self.fp, self.fn)


def score_set(cli, folder, codebook_name):
    claims = json.load(open(os.path.join(folder, 'claims.json'), encoding='utf-8'))
    labels = json.load(open(os.path.join(folder, 'labels.json'), encoding='utf-8'))['labels']
    art_dir = os.path.join(folder, 'articles')
    cb_path = (codebook_name if codebook_name and os.path.isabs(codebook_name)
               else os.path.join(folder, codebook_name) if codebook_name else None)
    cb_args = ['--codebook', cb_path] if cb_path and os.path.exists(cb_path) else []
    evidence = json.loads(run_cli(cli, ['evidence', art_dir, '--format', 'json'] + cb_args))
    predicted = {(row['source'], row['code']) for row in evidence}
    articles = {row['source']: row['language'] for row in json.loads(run_cli(cli, ['articles', art_dir, '--format', 'json']))}
    if cb_args:
        cb_rows = json.loads(run_cli(cli, ['codebook', 'check', cb_path, '--format', 'json']))
    else:
        with tempfile.NamedTemporaryFile('w', suffix='.json', encoding='utf-8', delete=False) as f:
            f.write(run_cli(cli, ['codebook', 'default']))
        cb_rows = json.loads(run_cli(cli, ['codebook', 'check', f.name, '--format', 'json']))
        os.remove(f.name)
    code_langs = {row['id']: set(row['languages'].split()) for row in cb_rows}
    # a codebook written for some of the claims only (the docs' example: D1) is scored on those
    ids = [c['id'] for c in claims['claims'] if c['id'] in code_langs] or [c['id'] for c in claims['claims']]
    ours = {c: Score() for c in ids}
    peer = {c: Score() for c in ids}
    ours_cov = {c: Score() for c in ids}  # cells the codebook covers only
    ours_lang, peer_lang = {}, {}
    not_covered = 0
    gold_not_covered = 0
    for name, lab in sorted(labels.items()):
        lang = lab.get('lang', '?')
        text = body_of(os.path.join(art_dir, name))
        seen_lang = articles.get(name, 'unknown')
        for c in ids:
            gold = int(lab[c]['value'])
            covered = bool(code_langs.get(c, set()) & {'*', seen_lang})
            pred = int((name, c) in predicted)
            if not covered and not pred:
                not_covered += 1
                gold_not_covered += gold
            npred = naive(text, next(x for x in claims['claims'] if x['id'] == c)['keywords_en'])
            ours[c].add(gold, pred)
            peer[c].add(gold, npred)
            if covered or pred:
                ours_cov[c].add(gold, pred)
            if ERRORS and gold != pred:
                kind = 'FN' if gold else 'FP'
                where = lab[c].get('evidence', '') if gold else ''
                print(f"{kind} {os.path.basename(folder)} [{os.path.basename(cb_path) if cb_args else 'default'}] {name} {lang} {c}{'' if covered else ' (not covered)'}: {where[:200]}",
                      file=sys.stderr)
            ours_lang.setdefault(lang, Score()).add(gold, pred)
            peer_lang.setdefault(lang, Score()).add(gold, npred)
    return {'name': os.path.basename(folder), 'event': claims.get('event', ''), 'claims': [c for c in claims['claims'] if c['id'] in ids],
            'articles': len(labels), 'ours': ours, 'peer': peer, 'ours_cov': ours_cov, 'ours_lang': ours_lang, 'peer_lang': peer_lang,
            'not_covered': not_covered, 'gold_not_covered': gold_not_covered, 'cells': len(labels) * len(ids),
            'codebook': os.path.basename(cb_path) if cb_args else 'the default codebook'}


def macro(scores):
    return sum(s.prf()[2] for s in scores.values()) / len(scores)


def report(results):
    out = []
    out.append('| set | articles | codebook | Presslens macro-F1 | Presslens P / R over all cells | naive peer macro-F1 | cells not covered (of which labelled 1) | Presslens macro-F1 on covered cells |')
    out.append('|---|---:|---|---:|---:|---:|---:|---:|')
    for r in results:
        tp, fp, fn = (sum(getattr(s, k) for s in r['ours'].values()) for k in ('tp', 'fp', 'fn'))
        p, rr, _ = prf(tp, fp, fn)
        out.append(f"| {r['name']} | {r['articles']} | {r['codebook']} | **{macro(r['ours']):.2f}** | {p:.2f} / {rr:.2f} | {macro(r['peer']):.2f} "
                   f"| {r['not_covered']} of {r['cells']} ({r['gold_not_covered']}) | {macro(r['ours_cov']):.2f} |")
    for r in results:
        out.append('')
        out.append(f"#### {r['name']}: {r['event']} ({r['codebook']})")
        out.append('')
        out.append('| claim | P | R | F1 | peer P | peer R | peer F1 |')
        out.append('|---|---:|---:|---:|---:|---:|---:|')
        for c in r['claims']:
            p, rr, f = r['ours'][c['id']].prf()
            pp, pr, pf = r['peer'][c['id']].prf()
            out.append(f"| {c['id']} {c['label']} | {p:.2f} | {rr:.2f} | {f:.2f} | {pp:.2f} | {pr:.2f} | {pf:.2f} |")
        out.append('')
        out.append('| language | articles | P | R | F1 | peer P | peer R | peer F1 |')
        out.append('|---|---:|---:|---:|---:|---:|---:|---:|')
        n_claims = len(r['claims'])
        for lang in sorted(r['ours_lang'], key=lambda l: (-(r['ours_lang'][l].tp + r['ours_lang'][l].fp + r['ours_lang'][l].fn + r['ours_lang'][l].tn), l)):
            o, pe = r['ours_lang'][lang], r['peer_lang'][lang]
            n = (o.tp + o.fp + o.fn + o.tn) // n_claims
            p, rr, f = o.prf()
            pp, pr, pf = pe.prf()
            out.append(f'| {lang} | {n} | {p:.2f} | {rr:.2f} | {f:.2f} | {pp:.2f} | {pr:.2f} | {pf:.2f} |')
    return '\n'.join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cli', default=os.path.join(ROOT, 'build', 'native', 'presslens-cli'))
    ap.add_argument('--set', action='append', help='only this set (repeatable)')
    ap.add_argument('--codebook', help="only this codebook file of each set (default: every codebook*.json in it)")
    ap.add_argument('--write', help='rewrite the accuracy section of this markdown file')
    ap.add_argument('--errors', action='store_true', help='list every false negative and false positive on stderr')
    ap.add_argument('--expand', action='store_true',
                    help='also score each English-only codebook (codebook.json, codebook.docs.json) after `codebook expand`')
    ap.add_argument('--dictionaries', help='the dictionary tables for `codebook expand` (default: beside the CLI)')
    ap.add_argument('--parallel', choices=['agreeing', 'keyness', 'off'],
                    help="`codebook expand --parallel`: how parallel sentences' candidates are taken (default: the CLI's)")
    a = ap.parse_args()
    global ERRORS
    ERRORS = a.errors
    sets_dir = os.path.join(HERE, 'sets')
    names = a.set or sorted(d for d in os.listdir(sets_dir) if os.path.exists(os.path.join(sets_dir, d, 'labels.json')))
    results = []
    for n in names:
        folder = os.path.join(sets_dir, n)
        books = sorted(f for f in os.listdir(folder) if f.startswith('codebook') and f.endswith('.json'))
        # the default story's set (no multilingual codebook of its own) is scored with the embedded
        # default codebook first
        if not os.path.exists(os.path.join(folder, 'codebook.multi.json')):
            books = [None] + books
        if a.codebook:
            books = [a.codebook]
        results += [score_set(a.cli, folder, b) for b in books]
        for english in ('codebook.json', 'codebook.docs.json'):
            if not a.expand or not os.path.exists(os.path.join(folder, english)) or (a.codebook and a.codebook != english):
                continue
            # an English-only codebook carried into the set's languages by `codebook expand`
            expanded = run_cli(a.cli, ['codebook', 'expand', os.path.join(folder, english),
                                       os.path.join(folder, 'articles')] + (['--dictionaries', a.dictionaries] if a.dictionaries else [])
                               + (['--parallel', a.parallel] if a.parallel else []))
            tmp = os.path.join(tempfile.mkdtemp(), f'{english} (expanded)')
            with open(tmp, 'w', encoding='utf-8') as f:
                f.write(expanded)
            results.append(score_set(a.cli, folder, tmp))
    text = report(results)
    print(text)
    # three decimals on stderr, for comparing levers whose changes are small
    for r in results:
        tp, fp, fn = (sum(getattr(s, k) for s in r['ours'].values()) for k in ('tp', 'fp', 'fn'))
        p, rr, _ = prf(tp, fp, fn)
        print(f"{r['name']} {r['codebook']}: macro-F1 {macro(r['ours']):.3f}, P {p:.3f}, R {rr:.3f}", file=sys.stderr)
    if a.write:
        import datetime
        body = (f'_Measured {datetime.date.today()} with `python3 bench/accuracy/run.py{" --expand" if a.expand else ""} '
                f'--write {a.write}`: '
                'article x claim against the hand labels; the naive peer marks a claim when one of its English '
                'keywords occurs in the article._\n\n' + text + '\n')
        path = a.write
        doc = open(path, encoding='utf-8').read()
        begin, end = '<!-- accuracy:begin -->', '<!-- accuracy:end -->'
        if begin in doc:
            doc = doc[:doc.index(begin) + len(begin)] + '\n' + body + doc[doc.index(end):]
        else:
            doc += '\n## Accuracy on labelled real articles\n\n' + begin + '\n' + body + end + '\n'
        open(path, 'w', encoding='utf-8').write(doc)


if __name__ == '__main__':
    main()
