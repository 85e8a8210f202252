"""Reading a dictd dictionary, the format of Debian's FreeDict and Mueller packages: NAME.index holds
one line per entry, "headword<TAB>offset<TAB>length" with the numbers in base64 digits, and
NAME.dict.dz the entries' text, gzip-compressed (cmake/gen_dictionaries.py, cmake/gen_mueller.py)."""
import gzip
import os

B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'


def b64(s):
    """A number written in dictd's base64 digits."""
    n = 0
    for ch in s:
        n = n * 64 + B64.index(ch)
    return n


def entries(index_path, data_path, skip=lambda head: False):
    """(headword as written, the entry's lines) for each index line but those `skip` refuses; nothing
    when either file is missing."""
    if not (os.path.exists(index_path) and os.path.exists(data_path)):
        return
    data = gzip.open(data_path).read()
    for line in open(index_path, encoding='utf-8'):
        parts = line.rstrip('\n').split('\t')
        if len(parts) != 3 or skip(parts[0]):
            continue
        off, size = b64(parts[1]), b64(parts[2])
        yield parts[0], data[off:off + size].decode('utf-8', errors='replace').split('\n')
