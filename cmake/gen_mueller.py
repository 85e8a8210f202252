#!/usr/bin/env python3
"""Add Mueller's English-Russian dictionary to the Russian suggestion table (cmake/gen_dictionaries.py).

usage: gen_mueller.py DICTD_DIR TABLE_DIR [--report]
       gen_mueller.py --self-test

DICTD_DIR holds Debian's mueller7-dict (mueller7.index, mueller7.dict.dz: V. K. Mueller's
English-Russian dictionary, 7th edition, GPL), which scripts/setup.sh installs. FreeDict's
English-Russian has about two thousand pairs; Mueller's has some fifty thousand headwords.

An entry is a headword line, then its body: a transcription in brackets, part-of-speech and style
labels written with a leading underscore ("_n.", "_v.", "_разг.", "_ам."), senses numbered "1)",
"2)" (and "1.", "2." for parts of speech), and in each sense the translations separated by commas
and semicolons, with glosses in parentheses and examples written in English followed by their
Russian ("to put a stop to smth. положить чему-л. конец"). A translation is kept when it is one to
three Russian words with nothing else in it, glosses in parentheses taken out first: a piece with a
digit or an abbreviation ("чему-л.") is dropped, and a sense is read only up to its first example
(a piece holding a Latin letter), after which the Russian is the examples' translations.
Headwords of more than three words are left out, as gen_dictionaries.py does.

The pairs are merged into TABLE_DIR/en-ru.tsv ("english<TAB>translation", lower-cased, sorted,
without duplicates), created if FreeDict gave none. --report prints how many pairs were new.
"""
import gzip
import os
import re
import sys

import dictd

CYRILLIC_PIECE = re.compile(r'^[\u0400-\u04ff]+(?:[ \-][\u0400-\u04ff]+){0,2}$')


def translations(body):
    """The Russian translations in one entry's body (the lines after its headword)."""
    text = ' '.join(line.strip() for line in body)
    text = re.sub(r'\[[^\]]*\]', ' ', text)          # transcriptions
    while True:                                        # glosses, nested ones too
        cut = re.sub(r'\([^()]*\)', ' ', text)
        if cut == text:
            break
        text = cut
    text = re.sub(r'(?<!\S)_\S+', ' ', text)          # labels: _n. _v. _разг. _I
    out = []
    for sense in re.split(r'(?<!\S)\d+[.)](?!\S)', text):
        for piece in re.split(r'[,;:]', sense):
            if re.search(r'[A-Za-z]', piece):
                break  # an example: it and the rest of the sense are phrases, not the word's senses
            piece = ' '.join(piece.split()).strip(' !?"\'').lower().replace('ё', 'е')
            if piece and CYRILLIC_PIECE.match(piece) and piece not in out:
                out.append(piece)
    return out


def entries(directory):
    """(headword, [translation, ...]) for each entry of Mueller's dictionary."""
    for head, body in dictd.entries(os.path.join(directory, 'mueller7.index'), os.path.join(directory, 'mueller7.dict.dz'),
                                    lambda h: h.startswith('00') or h.startswith('_')):
        head = ' '.join(head.lower().split())
        if not head or len(head.split()) > 3 or re.search(r'[^a-z \-\']', head):
            continue
        yield head, translations(body[1:])


def self_test():
    body = ['   [stɘp]', '   1. _n.', '      1) остановка, задержка, прекращение; конец; to bring to a stop',
            '      остановить; to put a stop to smth. положить чему-л. конец', '      2) пауза, перерыв',
            '   2. _v. 1) прекращать(ся) (делать что-л.); останавливать', '      2) _разг. ё-моё']
    got = translations(body)
    # (not "остановить" nor "конец" of the examples after "to bring to a stop")
    want = ['остановка', 'задержка', 'прекращение', 'конец', 'пауза', 'перерыв', 'прекращать', 'останавливать', 'е-мое']
    if got != want:
        sys.exit(f'gen_mueller.py self-test: {got} != {want}')
    # a dictionary of two entries (and the database's own) merged into a table holding one pair
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        texts = [('00-database-short', 'Mueller\n'), ('police', 'police\n   [pə\'li:s] _n. полиция; полицейские\n'),
                 ('face recognition system vendor', 'face recognition system vendor\n   _n. поставщик\n')]
        data, index = b'', []
        for head, text in texts:
            raw = text.encode()
            index.append(f'{head}\t{enc64(len(data))}\t{enc64(len(raw))}\n')
            data += raw
        with gzip.open(os.path.join(tmp, 'mueller7.dict.dz'), 'wb') as f:
            f.write(data)
        with open(os.path.join(tmp, 'mueller7.index'), 'w', encoding='utf-8') as f:
            f.writelines(index)
        with open(os.path.join(tmp, 'en-ru.tsv'), 'w', encoding='utf-8') as f:
            f.write('police\tмилиция\n')
        merge(tmp, tmp)
        table = open(os.path.join(tmp, 'en-ru.tsv'), encoding='utf-8').read()
        want_table = 'police\tмилиция\npolice\tполицейские\npolice\tполиция\n'
        if table != want_table:
            sys.exit(f'gen_mueller.py self-test: the merged table is {table!r}, not {want_table!r}')
    print(f'gen_mueller.py self-test: {len(got)} translations read and a table merged as expected')


def enc64(n):
    s = ''
    while True:
        s = dictd.B64[n % 64] + s
        n //= 64
        if n == 0:
            return s


def merge(dictd_dir, table_dir, report=False):
    """Mueller's pairs merged into table_dir/en-ru.tsv; the number of new pairs."""
    pairs = {(head, x) for head, trans in entries(dictd_dir) for x in trans}
    if not pairs:
        return 0
    path = os.path.join(table_dir, 'en-ru.tsv')
    old = set()
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            e, _, x = line.rstrip('\n').partition('\t')
            old.add((e, x))
    merged = old | pairs
    with open(path, 'w', encoding='utf-8') as f:
        for e, x in sorted(merged):
            f.write(f'{e}\t{x}\n')
    if report:
        print(f'gen_mueller.py: {len(pairs)} pairs from Mueller, {len(merged) - len(old)} new, {len(merged)} in en-ru.tsv')
    return len(merged) - len(old)


def main():
    if sys.argv[1:] == ['--self-test']:
        self_test()
        return
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    dictd_dir, table_dir = sys.argv[1], sys.argv[2]
    for folder in (dictd_dir, table_dir):
        if not os.path.isdir(folder):
            sys.exit(f'gen_mueller.py: {folder} is not a folder')
    if not os.path.exists(os.path.join(dictd_dir, 'mueller7.index')):
        sys.exit(f'gen_mueller.py: {dictd_dir} holds no mueller7.index (Debian package mueller7-dict)')
    merge(dictd_dir, table_dir, '--report' in sys.argv)

if __name__ == '__main__':
    main()
