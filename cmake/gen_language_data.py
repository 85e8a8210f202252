#!/usr/bin/env python3
"""Pack the page's on-demand language data: CLD2's tables, the stopword lists not compiled in and
the segmenter's word tables.

usage: gen_language_data.py CLD2_DATA STOPWORDS_REST_TXT SEGMENT_TABLES OUT.bin
Layout (little-endian): 8 bytes "PLLANG2\\n", u32 size of the CLD2 part, u32 size of the stopword
part, u32 size of the word-table part, 12 bytes of zeros, then the CLD2 table file as
scripts/setup.sh dumped it, then the stopword lines (gen_stopwords.py --rest), then the word tables
(gen_segment_dicts.py). The header is 32 bytes, so the tables start 16-byte aligned in a buffer
that is. Read by LoadLanguageData (src/core/language.hpp).
"""
import os
import struct
import sys


def main() -> None:
    cld2_path, stop_path, seg_path, out = sys.argv[1:5]
    parts = []
    for path in (cld2_path, stop_path, seg_path):
        with open(path, 'rb') as f:
            parts.append(f.read())
    head = b'PLLANG2\n' + struct.pack('<III', *(len(p) for p in parts)) + bytes(12)
    blob = head + b''.join(parts)
    with open(out + '.tmp', 'wb') as f:
        f.write(blob)
    os.replace(out + '.tmp', out)


if __name__ == '__main__':
    main()
