#!/usr/bin/env python3
"""Add Apertium's bilingual dictionaries to the suggestion tables (cmake/gen_dictionaries.py).

usage: gen_apertium.py APERTIUM_DIR TABLE_DIR [--all-words] [--pivots none|agreed|all] [--report]
       gen_apertium.py --self-test FIXTURE.att

APERTIUM_DIR holds the bilingual dictionaries of Debian's apertium-* packages as text: one
DIRECTION.att per direction (eng-spa.att, es-fr.att ...), each the compiled dictionary
(DIRECTION.autobil.bin) printed by lttoolbox's lt-print in AT&T form (scripts/setup.sh makes them).
Every path through such a transducer is one entry, "lemma<pos><tag>..." on each side; a '#' marks
where the invariable part of a multiword starts ("hacer# huelga" is the lemma "hacer huelga"), a
space is a space. Entries are kept as lemma pairs only for the open word classes a claim's terms
are made of (nouns, verbs, adjectives, adverbs); proper nouns, numbers, punctuation, pronouns,
determiners and the like are dropped, and so are phrases of more than three words, lemmas holding
digits and joined analyses ('+').

English -> L comes from a direct pair where Debian has one (eng-spa: Spanish). By default only the
English words the FreeDict table has no translation for are added (a gap filled: "arbitration",
"inequality"); --all-words adds Apertium's senses of every word, beside FreeDict's (measured: more
recall on one set, precision below 0.9 on another; docs/benchmarks.md).

Pivots through Spanish, for the languages Apertium pairs only with Spanish (English -> Spanish ->
French with eng-spa and es-fr; Portuguese with es-pt, Italian with spa-ita), are off by default:
measured, they added nothing on our sets and cost precision. --pivots all keeps every pivot
translation; --pivots agreed only those something independent agrees with: a second pivot through
Catalan (eng-cat with cat-fra / cat-por) reaching the same word, or the word being a cognate of the
English one (the same first five letters once accents are folded: arbitration / arbitrage).

The pairs are merged into TABLE_DIR/en-L.tsv ("english<TAB>translation", lower-cased, sorted,
without duplicates), the table cmake/gen_dictionaries.py made from FreeDict (created if FreeDict has
none). --report prints how many pairs each source gave and how many were new.
"""
import collections
import os
import sys
import unicodedata

# The open word classes (first tag of an entry) that make claim terms.
KEEP_POS = {'n', 'vblex', 'adj', 'adv'}
# Direct pairs: language -> (file, English side first?)
DIRECT = {'es': ('eng-spa', True)}
# Pivots through Spanish: language -> file translating Spanish into it
VIA_SPANISH = {'fr': 'es-fr', 'pt': 'es-pt', 'it': 'spa-ita'}
# Independent second paths for a pivot's agreement: language -> [(English->X file, X->L file)]
SECOND_PATHS = {'fr': [('eng-cat', 'cat-fra')], 'pt': [('eng-cat', 'cat-por')], 'it': []}
LANGS = ['es', 'fr', 'pt', 'it']


def sections(path):
    """The transducers of one lt-print dump (several sections are separated by '--')."""
    cur = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line == '--':
                yield cur
                cur = []
            else:
                cur.append(line)
    yield cur


def cyclic(arcs):
    """States on a cycle (Tarjan, iterative): a dictionary's regular-expression entries loop, and
    the lemma pairs never pass through them."""
    index, low, on, stack, out, counter = {}, {}, set(), [], set(), 0
    for root in list(arcs):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on.add(v)
            succ = arcs.get(v, ())
            descended = False
            while i < len(succ):
                w = succ[i][0]
                i += 1
                if w not in index:
                    work.append((v, i))
                    work.append((w, 0))
                    descended = True
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            if descended:
                continue
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1 or any(d == v for d, _, _ in arcs.get(v, ())):
                    out.update(comp)
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
    return out


def paths(lines):
    """(left, right) for every path from state 0 to a final state that passes no cycle and no digit."""
    arcs, finals = collections.defaultdict(list), set()
    for line in lines:
        p = line.split('\t')
        if len(p) >= 4:
            arcs[int(p[0])].append((int(p[1]), p[2], p[3]))
        elif p and p[0]:
            finals.add(int(p[0]))
    arcs = dict(arcs)
    loops = cyclic(arcs)
    stack = [(0, '', '')]
    while stack:
        s, a, b = stack.pop()
        if s in finals:
            yield a, b
        for d, i, o in arcs.get(s, ()):
            # digits are never part of a kept lemma, and the bounded expressions for numbers and
            # addresses (<web>) spell out millions of them: not followed
            if d not in loops and not i.isdigit() and not o.isdigit():
                stack.append((d, a + ('' if i == 'ε' else i), b + ('' if o == 'ε' else o)))


def lemma(side):
    """'hacer# huelga<vblex>' -> ('hacer huelga', 'vblex'); None for what a claim cannot use."""
    cut = side.find('<')
    if cut <= 0:
        return None
    word, tags = side[:cut], side[cut + 1:].split('<')
    pos = tags[0].rstrip('>')
    if pos not in KEEP_POS or '+' in word:
        return None
    word = ' '.join(word.replace('#', ' ').split()).lower()
    if not word or len(word.split()) > 3 or any(c.isdigit() for c in word) or not any(c.isalpha() for c in word):
        return None
    return word, pos


def read_pairs(path):
    """{(left lemma, right lemma)} of one dumped direction, the word class agreeing on both sides."""
    pairs = set()
    for sec in sections(path):
        for a, b in paths(sec):
            la, lb = lemma(a), lemma(b)
            if la and lb and la[1] == lb[1]:
                pairs.add((la[0], lb[0]))
    return pairs


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if not unicodedata.combining(c))


def cognate(en, x):
    """Spelt alike: the same first five letters once accents are folded (single words only)."""
    if ' ' in en or ' ' in x:
        return False
    a, b = fold(en), fold(x)
    return len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]


def compose(first, second):
    """en->x and x->L into en->L."""
    by_mid = collections.defaultdict(set)
    for m, t in second:
        by_mid[m].add(t)
    return {(e, t) for e, m in first for t in by_mid.get(m, ())}


def apertium_pairs(src, pivots):
    """{lang: {(english, translation)}} and a per-source count."""
    cache = {}

    def load(name):
        if name not in cache:
            path = os.path.join(src, name + '.att')
            cache[name] = read_pairs(path) if os.path.exists(path) else set()
        return cache[name]

    out, counts = {}, {}
    for lang, (name, english_first) in DIRECT.items():
        pairs = load(name) if english_first else {(e, x) for x, e in load(name)}
        out.setdefault(lang, set()).update(pairs)
        counts[f'{name} (direct)'] = len(pairs)
    if pivots != 'none':
        en_es = out.get('es', set())
        for lang, name in VIA_SPANISH.items():
            pivoted = compose(en_es, load(name))
            if pivots == 'agreed':
                seconds = set()
                for first, second in SECOND_PATHS.get(lang, ()):
                    seconds |= compose(load(first), load(second))
                pivoted = {(e, t) for e, t in pivoted if (e, t) in seconds or cognate(e, t)}
            out.setdefault(lang, set()).update(pivoted)
            counts[f'eng-spa + {name} (pivot, {pivots})'] = len(pivoted)
    return out, counts


def self_test(fixture):
    """Checks the reader on a small dump written by hand (tests/fixtures/apertium-bidix.att)."""
    got = read_pairs(fixture)
    want = {('strike', 'huelga'), ('go on strike', 'hacer huelga'), ('fair', 'justo'), ('wage', 'salario'),
            ('quickly', 'rápidamente')}
    problems = []
    if got != want:
        problems.append(f'pairs: got {sorted(got)}, want {sorted(want)}')
    if not cognate('arbitration', 'arbitrage') or not cognate('union', 'unión') or cognate('wage', 'salaire') \
            or cognate('war', 'wart'):
        problems.append('cognate() disagrees with arbitration~arbitrage, union~unión, wage/salaire, war/wart (short)')
    if compose({('strike', 'huelga')}, {('huelga', 'grève'), ('paro', 'chômage')}) != {('strike', 'grève')}:
        problems.append('compose() is wrong')
    if problems:
        sys.exit('gen_apertium.py self-test failed:\n  ' + '\n  '.join(problems))
    print(f'gen_apertium.py self-test: {len(got)} pairs read as expected')


def main():
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == '--self-test':
        return self_test(args[1])
    pivots, report = 'none', False
    if '--pivots' in args:
        i = args.index('--pivots')
        pivots = args[i + 1] if i + 1 < len(args) else ''
        del args[i:i + 2]
        if pivots not in ('agreed', 'all', 'none'):
            sys.exit(f'gen_apertium.py: --pivots takes agreed, all or none, not "{pivots}"')
    fill = True
    if '--all-words' in args:
        args.remove('--all-words')
        fill = False
    if '--report' in args:
        args.remove('--report')
        report = True
    if len(args) != 2:
        sys.exit(__doc__)
    src, table_dir = args
    if not os.path.isdir(src):
        sys.exit(f'gen_apertium.py: {src} is not a folder (run scripts/setup.sh)')
    by_lang, counts = apertium_pairs(src, pivots)
    for lang in LANGS:
        pairs = by_lang.get(lang, set())
        path = os.path.join(table_dir, f'en-{lang}.tsv')
        old = set()
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                for line in f:
                    p = line.rstrip('\n').split('\t')
                    if len(p) == 2:
                        old.add((p[0], p[1]))
        if fill:
            # only English words the table has no translation for: FreeDict's senses stay as they are
            known = {e for e, _ in old}
            pairs = {(e, x) for e, x in pairs if e not in known}
        merged = old | pairs
        if not merged:
            continue
        with open(path, 'w', encoding='utf-8') as f:
            for e, x in sorted(merged):
                f.write(f'{e}\t{x}\n')
        if report:
            print(f'en-{lang}.tsv: {len(old)} pairs before, {len(pairs)} from Apertium, {len(merged - old)} new, '
                  f'{len(merged)} now')
    if report:
        for name, n in counts.items():
            print(f'  {name}: {n} pairs')


if __name__ == '__main__':
    main()
