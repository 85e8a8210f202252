#!/usr/bin/env python3
"""Pack the suggestion tables for the page: each TSV_DIR/en-L.tsv (cmake/gen_dictionaries.py) as
OUT_DIR/dict-en-L.tsv.gz, gzip at level 9 with no name or time in the header, so the same tables give
the same bytes. The page's suggestion worker fetches one per language of the corpus when first needed
(shell/suggest.js) and unpacks it with the browser's DecompressionStream.

usage: pack_dictionaries.py TSV_DIR OUT_DIR
"""
import glob
import gzip
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    tables = sorted(glob.glob(os.path.join(src, 'en-*.tsv')))
    if not tables:
        sys.exit(f'pack_dictionaries.py: no en-*.tsv in {src}')
    for path in tables:
        name = 'dict-' + os.path.basename(path) + '.gz'
        with open(path, 'rb') as f:
            data = f.read()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        with open(os.path.join(out, name), 'wb') as f:
            f.write(packed)
        print(f'{name}: {len(data)} bytes, {len(packed)} gzip')


if __name__ == '__main__':
    main()
