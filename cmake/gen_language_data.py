#!/usr/bin/env python3
"""Pack the page's on-demand language data: CLD2's tables and the stopword lists not compiled in.

usage: gen_language_data.py CLD2_DATA STOPWORDS_REST_TXT OUT.bin
Layout (little-endian): 8 bytes "PLLANG1\\n", u32 size of the CLD2 part, u32 size of the stopword
part, then the CLD2 table file as scripts/setup.sh dumped it, then the stopword lines
(gen_stopwords.py --rest). The header is 16 bytes, so the tables start 16-byte aligned in a buffer
that is. Read by LoadLanguageData (src/core/language.hpp).
"""
import os
import struct
import sys


def main() -> None:
    cld2_path, stop_path, out = sys.argv[1:4]
    with open(cld2_path, 'rb') as f:
        cld2 = f.read()
    with open(stop_path, 'rb') as f:
        stop = f.read()
    blob = b'PLLANG1\n' + struct.pack('<II', len(cld2), len(stop)) + cld2 + stop
    with open(out + '.tmp', 'wb') as f:
        f.write(blob)
    os.replace(out + '.tmp', out)


if __name__ == '__main__':
    main()
