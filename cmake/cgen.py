"""Shared by the table generators (gen_stopwords.py, gen_vocabularies.py): C++ source text."""


def cstr(s: str) -> str:
    """A C++ string literal for s: printable ASCII as is, every other byte of its UTF-8 in octal."""
    out = []
    for b in s.encode('utf-8'):
        if 0x20 <= b < 0x7f and chr(b) not in '"\\?':
            out.append(chr(b))
        else:
            out.append('\\%03o' % b)
    return '"' + ''.join(out) + '"'
