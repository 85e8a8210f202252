#!/usr/bin/env python3
"""Turn Debian's FreeDict dictionaries into compact English <-> language tables for suggestions.

usage: gen_dictionaries.py DICTD_DIR OUT_DIR LANG...   (LANG as ISO 639-1: de fr es ...)
For each language L writes OUT_DIR/en-L.tsv: one line per pair "english<TAB>translation", both
lower-cased, read from freedict-eng-XXX (English headwords) and freedict-XXX-eng (the reverse
direction, often the larger one), where present. Only the translation lines of an entry are read
(not examples, notes or definitions); tags such as <fem>, [jur.] and (...) are dropped, and so is an
abbreviation written after its word ("Firma Fa."); phrases of more than three words are left out. A
language with neither dictionary gets no file.
"""
import os
import re
import sys

import dictd

ISO3 = {'de': 'deu', 'fr': 'fra', 'es': 'spa', 'it': 'ita', 'nl': 'nld', 'pl': 'pol', 'pt': 'por', 'ru': 'rus',
        'sv': 'swe', 'da': 'dan', 'no': 'nor', 'fi': 'fin', 'cs': 'ces', 'tr': 'tur', 'el': 'ell', 'hu': 'hun'}
def entries(directory, name):
    """(headword, [translation, ...]) for each entry of one dictd dictionary."""
    for head, body in dictd.entries(os.path.join(directory, f'freedict-{name}.index'),
                                    os.path.join(directory, f'freedict-{name}.dict.dz'),
                                    lambda h: h.startswith('00-database') or h.startswith('00database')):
        translations = []
        for i, l in enumerate(body[1:]):
            if not l.strip() or l.startswith(' '):
                break
            numbered = re.match(r'^\d+\.\s*', l)
            if i > 0 and not numbered:
                break  # a definition in the source language, not a translation
            translations.append(l[numbered.end():] if numbered else l)
        yield head, translations


def abbreviates(short, word):
    """'Fa.' after 'Firma', 'Ges.' after 'Gesellschaft': a capitalised word of at most five characters
    ending in '.', whose letters stand in that order in the word before it, from its first letter."""
    letters = short[:-1].lower()
    if not short.endswith('.') or len(short) > 5 or not short[:1].isupper() or not letters.isalpha():
        return False
    word = word.lower()
    if not word.startswith(letters[0]):
        return False
    at = 0
    for ch in letters:
        at = word.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def clean(text):
    text = re.sub(r'<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}', ' ', text)
    out = []
    for t in re.split(r'[,;]', text):
        words = t.split()
        # an abbreviation written after the word it shortens ("Firma Fa.", "Gesellschaft Ges.") is
        # not part of the translation
        if len(words) > 1 and abbreviates(words[-1], words[-2]):
            words = words[:-1]
        t = ' '.join(words).strip(' .!?"\'').lower()
        if t and len(t.split()) <= 3 and not re.search(r'[0-9/=+]', t):
            out.append(t)
    return out


def main():
    dictd_dir, out_dir, langs = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    for lang in langs:
        code = ISO3[lang]
        pairs = set()
        for head, trans in entries(dictd_dir, f'eng-{code}'):
            for e in clean(head):
                for t in trans:
                    for x in clean(t):
                        pairs.add((e, x))
        for head, trans in entries(dictd_dir, f'{code}-eng'):
            for x in clean(head):
                for t in trans:
                    for e in clean(t):
                        pairs.add((e, x))
        path = os.path.join(out_dir, f'en-{lang}.tsv')
        if not pairs:
            if os.path.exists(path):
                os.remove(path)
            continue
        with open(path, 'w', encoding='utf-8') as f:
            for e, x in sorted(pairs):
                f.write(f'{e}\t{x}\n')


if __name__ == '__main__':
    main()
