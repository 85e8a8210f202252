#!/usr/bin/env python3
"""Turn ICU's word lists for Thai, Lao, Khmer and Burmese into the tokenizer's compact tables.

usage: gen_segment_dicts.py DICT_DIR OUT.bin
DICT_DIR holds thai.txt, lao.txt, khmer.txt and burmese.txt (one word a line, UTF-8), as
scripts/setup.sh writes them from ICU 72.1's dictionaries. Read by LoadSegmentTables
(src/core/segment.hpp). Layout, little-endian:
  8 bytes "PLSEG1\\n\\0", u32 number of tables, then per table:
  4 bytes language code ("th\\0\\0"), u32 first code point of the script's block, u32 number of
  words, u32 size of the entries, then the entries: the words sorted by their bytes below, each
  front-coded against the one before: one byte 0xC0 + the number of bytes shared with it, then the
  bytes that follow (up to the next byte of 0xC0..0xFD, or the end). A character is one byte, its
  code point minus the block's first (as ICU's own dictionaries store them: 0x00..0x9F), except
  U+200C (0xFE) and U+200D (0xFF). Words have 1..60 characters.
Prints each table's size, raw and gzip.
"""
import gzip
import os
import struct
import sys

# code, list file, first code point of the block, block size
SCRIPTS = [('th', 'thai.txt', 0x0E00, 0x80), ('lo', 'lao.txt', 0x0E80, 0x80),
           ('km', 'khmer.txt', 0x1780, 0x80), ('my', 'burmese.txt', 0x1000, 0xA0)]


def encode(word: str, base: int, size: int) -> bytes:
    out = bytearray()
    for ch in word:
        cp = ord(ch)
        if cp == 0x200C:
            out.append(0xFE)
        elif cp == 0x200D:
            out.append(0xFF)
        elif base <= cp < base + size:
            out.append(cp - base)
        else:
            raise ValueError(f'{word!r}: U+{cp:04X} is outside its script\'s block')
    return bytes(out)


def table(code: str, path: str, base: int, size: int) -> bytes:
    with open(path, encoding='utf-8') as f:
        words = sorted({encode(w, base, size) for w in f.read().split('\n') if w})
    entries = bytearray()
    prev = b''
    for w in words:
        if not 0 < len(w) <= 60:
            raise ValueError(f'{path}: a word of {len(w)} characters')
        k = 0
        while k < min(len(w), len(prev)) and w[k] == prev[k]:
            k += 1
        entries += bytes([0xC0 + k]) + w[k:]
        prev = w
    head = code.encode('ascii').ljust(4, b'\0') + struct.pack('<III', base, len(words), len(entries))
    return head + bytes(entries)


def main() -> None:
    src, out = sys.argv[1:3]
    parts = []
    for code, name, base, size in SCRIPTS:
        t = table(code, os.path.join(src, name), base, size)
        parts.append(t)
        print(f'segment table {code}: {struct.unpack_from("<I", t, 8)[0]} words, {len(t)} bytes, '
              f'{len(gzip.compress(t, 9))} gzip')
    blob = b'PLSEG1\n\0' + struct.pack('<I', len(parts)) + b''.join(parts)
    with open(out + '.tmp', 'wb') as f:
        f.write(blob)
    os.replace(out + '.tmp', out)


if __name__ == '__main__':
    main()
