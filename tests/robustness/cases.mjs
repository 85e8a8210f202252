// The bad inputs of docs/robustness.md, each run through the command-line tool
// (tests/robustness/cli.test.mjs) and the viewer in the browser (tests/browser/robustness.test.mjs).
// A case writes its files into DIR/<id>/ and says what each host must answer:
//   cli:    { args(files) -> argv (default: articles FILES --format csv), code, stderr, stdout }
//   viewer: { error | warning | notice: RegExp, articles: count after the drop (5 = unchanged),
//             codes: count after the drop, limits: {file, article} set with File > Limits first }
//   gets:   what the user gets, for the table in docs/robustness.md.
// Patterns are matched against the real messages; nothing is faked.
import fs from 'node:fs';
import path from 'node:path';

const EN = 'Amazon employees asked Jeff Bezos to stop selling Rekognition to the police. ' +
  'They also want the company to stop hosting Palantir. The letter asks for transparency.\n';
const utf16 = (s, le) => {
  const b = Buffer.from(s, 'utf16le');
  if (!le) for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return b;
};
const codebook = (codes) => JSON.stringify({ presslens_codebook: 1, codes }, null, 1);
const DEFAULT_ROWS = 5;  // the default corpus: 5 articles, 5 outlets
const MiB = 1 << 20;

// Builders return [name, Buffer|string] pairs; `sparse` files are made with truncate (no disk).
export const cases = [
  {
    id: 'invalid-utf8', input: 'Invalid UTF-8 in a .txt (stray bytes FF FE)',
    files: () => [['stray.txt', Buffer.concat([Buffer.from('Stray bytes\n\nok '), Buffer.from([0xff, 0xfe]), Buffer.from(' text. ' + EN)])]],
    cli: { code: 0, stderr: /stray\.txt: 2 invalid UTF-8 sequence\(s\), the first at byte 16; shown as U\+FFFD/ },
    viewer: { articles: 6, warning: /stray\.txt: 2 invalid UTF-8 sequence\(s\), the first at byte 16/ },
    gets: 'Loaded, bytes kept as they are. A warning gives the number of bad sequences and the byte offset of the first; they show as U+FFFD and are not words.',
  },
  {
    id: 'latin1', input: 'A Latin-1 (ISO 8859-1) article',
    files: () => [['latin1.txt', Buffer.from('Caf\xe9 cr\xe8me\n\nLe gar\xe7on a servi un caf\xe9 na\xefve. ' + EN, 'latin1')]],
    cli: { code: 0, stderr: /latin1\.txt: 5 invalid UTF-8 sequence\(s\), the first at byte 3/ },
    viewer: { articles: 6, warning: /latin1\.txt: 5 invalid UTF-8 sequence\(s\), the first at byte 3/ },
    gets: 'Loaded, with the invalid-UTF-8 warning (count, first offset). Presslens does not guess legacy encodings.',
  },
  {
    id: 'utf16le-bom', input: 'UTF-16LE with a byte-order mark',
    files: () => [['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('UTF-16 wire\n\n' + EN, true)])]],
    cli: { code: 0, stderr: /utf16le\.txt: decoded from UTF-16LE/, stdout: /utf16le\.txt,UTF-16 wire,UTF-16 wire,en,/ },
    viewer: { articles: 6, warning: /utf16le\.txt: decoded from UTF-16LE/ },
    gets: 'Decoded to UTF-8 and analysed (English here); a note says offsets refer to the UTF-8 text.',
  },
  {
    id: 'utf16be-bom', input: 'UTF-16BE with a byte-order mark',
    files: () => [['utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16('UTF-16 wire\n\n' + EN, false)])]],
    cli: { code: 0, stderr: /decoded from UTF-16BE/, stdout: /utf16be\.txt,UTF-16 wire,UTF-16 wire,en,/ },
    viewer: { articles: 6, warning: /utf16be\.txt: decoded from UTF-16BE/ },
    gets: 'Decoded and analysed, as UTF-16LE.',
  },
  {
    id: 'utf16-no-bom', input: 'UTF-16LE without a byte-order mark',
    files: () => [['nobom.txt', utf16('No mark\n\n' + EN, true)]],
    cli: { code: 1, stderr: /nobom\.txt: looks like UTF-16LE text without a byte-order mark \(NUL bytes at every other byte from byte 1\); save it as UTF-8, or as UTF-16 with a BOM/ },
    viewer: { articles: DEFAULT_ROWS, error: /nobom\.txt: looks like UTF-16LE text without a byte-order mark/ },
    gets: 'Refused: "looks like UTF-16LE text without a byte-order mark … save it as UTF-8, or as UTF-16 with a BOM".',
  },
  {
    id: 'nul-bytes', input: 'A NUL byte inside a text file',
    files: () => [['nul.txt', Buffer.concat([Buffer.from('Title\n\nSome text'), Buffer.from([0]), Buffer.from(' and more text.\n')])]],
    cli: { code: 1, stderr: /nul\.txt: looks like a binary file, not text \(NUL byte at byte 16\)/ },
    viewer: { articles: DEFAULT_ROWS, error: /nul\.txt: looks like a binary file, not text \(NUL byte at byte 16\)/ },
    gets: 'Refused as binary, with the offset of the NUL byte.',
  },
  {
    id: 'binary', input: 'A binary file (a PNG) named .txt',
    files: () => [['photo.txt', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')]],
    cli: { code: 1, stderr: /photo\.txt is a PNG image, not text: an image holds no text Presslens can read; if it is a scanned article, run it through OCR/ },
    viewer: { articles: DEFAULT_ROWS, error: /photo\.txt is a PNG image, not text/ },
    gets: 'Refused by its signature, whatever its name: "photo.txt is a PNG image, not text", with what to do (OCR for a scanned article); the rest of a batch still loads. A binary file of no known kind is refused by its first NUL byte ("looks like a binary file, not text (NUL byte at byte N)").',
  },
  {
    id: 'pdf-as-txt', input: 'A compressed PDF named .txt (no NUL byte early on)',
    files: () => [['report.txt', Buffer.concat([Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 400 /Filter /FlateDecode >>\nstream\n', 'latin1'),
      // compressed bytes with no NUL among them: the NUL check alone would take it for text
      Buffer.from(Array.from({ length: 400 }, (_, i) => 1 + ((i * 97) % 255))), Buffer.from('\nendstream\nendobj\n')])]],
    cli: { code: 1, stderr: /report\.txt is a PDF document, not text: open it in a PDF reader, select the text and copy it, then paste it into Presslens \(Ctrl\+V\), or run pdftotext/ },
    viewer: { articles: DEFAULT_ROWS, error: /report\.txt is a PDF document, not text: open it in a PDF reader/ },
    gets: 'Refused by its signature (it used to become an article titled "%PDF-1.5"): "report.txt is a PDF document, not text", and how to get the text (copy and paste it, or pdftotext). DOCX, ODT, EPUB, other ZIPs, RTF, images, audio, video, programs, archives and SQLite are refused the same way (docs/formats.md).',
  },
  {
    id: 'html-no-body', input: 'A saved web page with no article text (a head, no body)',
    files: () => [['nobody.html', '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Only a title</title>' +
      '<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head></html>\n']],
    cli: { code: 1, stderr: /no article text found in .*nobody\.html/ },
    viewer: { articles: DEFAULT_ROWS, error: /no article text found in nobody\.html/ },
    gets: 'Refused: "no article text found in nobody.html" (a title, scripts, styles or navigation alone are not an article).',
  },
  {
    id: 'html-50mb', input: 'A 50 MB saved web page (one article of 420,000 paragraphs)',
    files: () => {
      const para = '<p>' + EN.trim().replace('police', '<a href="/police">police</a>') + '</p>\n';
      const head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very long page</title></head><body><article><h1>A very long page</h1>\n';
      return [['bigpage.html', head + para.repeat(Math.floor((50 * MiB - head.length) / para.length)) + '</article></body></html>\n']];
    },
    cli: { code: 0, stdout: /bigpage\.html,A very long page,A very long page,en,/ },
    viewer: { articles: DEFAULT_ROWS, error: /bigpage\.html: the article is 50\.0 MiB, over the limit of 32\.0 MiB per article \(File › Limits to change it\)/ },
    gets: 'CLI: read (gumbo is linear: time and memory in the middle column). Viewer: refused before parsing, by the per-article limit on the page\'s size, as a 100 MB article is: a page is parsed in one step.',
  },
  {
    id: 'html-legacy-charset', input: 'A saved page in windows-1251 (Russian), declared by <meta charset>',
    files: () => {
      // windows-1251 puts А..я (U+0410..U+044F) at 0xC0..0xFF
      const cp1251 = (s) => Buffer.from([...s].map((ch) => {
        const c = ch.codePointAt(0);
        return c >= 0x410 && c <= 0x44f ? 0xc0 + c - 0x410 : c;
      }));
      const body = 'Сотрудники компании попросили руководство прекратить продажу технологии полиции. ' +
        'Они также хотят, чтобы компания была открытой и честной перед своими работниками.';
      return [['legacy.html', Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"><title>'),
        cp1251('Новости дня'), Buffer.from('</title></head><body><nav><a href="/">Home</a></nav><p>'), cp1251(body),
        Buffer.from('</p></body></html>\n')])]];
    },
    cli: { code: 0, stderr: /legacy\.html: decoded from windows-1251/, stdout: /legacy\.html,Новости дня,Новости дня,ru,/ },
    viewer: { articles: 6, warning: /legacy\.html: decoded from windows-1251/ },
    gets: 'Decoded from the declared encoding to UTF-8 (windows-125x, ISO 8859-2/7/8/15, KOI8-R/U, TIS-620: docs/formats.md), with a note; the navigation is left out and the article is analysed (Russian here).',
  },
  {
    id: 'empty-file', input: 'An empty file (0 bytes)',
    files: () => [['empty.txt', '']],
    cli: { code: 1, stderr: /empty\.txt: the file is empty: nothing to analyse/ },
    viewer: { articles: DEFAULT_ROWS, error: /empty\.txt: the file is empty: nothing to analyse/ },
    gets: 'Refused: "the file is empty: nothing to analyse".',
  },
  {
    id: 'whitespace-only', input: 'A file of spaces, tabs and line breaks (and one with only a BOM)',
    files: () => [['blank.txt', ' \t\r\n\n   \n'], ['bom.txt', Buffer.from([0xef, 0xbb, 0xbf])]],
    cli: { code: 1, stderr: /blank\.txt: the file holds only white space: nothing to analyse/ },
    viewer: { articles: DEFAULT_ROWS, error: /2 files not loaded: .*blank\.txt: the file holds only white space.*bom\.txt: the file is empty/ },
    gets: 'Refused, each named ("holds only white space", "is empty").',
  },
  {
    id: 'article-100mb', input: 'A 100 MB article',
    files: () => [['huge.txt', 'A very long article\n\n' + (EN.repeat(12)).repeat(Math.ceil(100e6 / (EN.length * 12)))]],
    cli: { code: 0, stdout: /huge\.txt,A very long article,A very long article,en,/ },
    viewer: { articles: DEFAULT_ROWS, error: /huge\.txt: the article is 95\.\d MiB, over the limit of 32\.0 MiB per article \(File › Limits to change it\)/ },
    gets: 'CLI: analysed (time and memory: the middle column). Viewer: refused, "over the limit of 32.0 MiB per article (File › Limits to change it)": one article is analysed in one step, so a bigger one would freeze the window.',
  },
  {
    id: 'file-300mb', input: 'A 300 MB file (over the file limit)',
    files: () => [['bigfile.txt', { sparse: 300 * MiB }]],
    inPage: true,  // the viewer builds it as a Blob in the page: nothing is read
    cli: { code: 1, stderr: /bigfile\.txt: the file is 300 MiB, over the limit of 256 MiB per file \(--max-file-mb N to change it\)/ },
    viewer: { articles: DEFAULT_ROWS, error: /bigfile\.txt: the file is 300 MiB, over the limit of 256 MiB per file \(File › Limits to change it\)/ },
    gets: 'Refused before it is read: "the file is 300 MiB, over the limit of 256 MiB per file" with how to change it (`--max-file-mb N`, File › Limits).',
  },
  {
    id: 'limit-lowered', input: 'A 2 MB article with the limits lowered to 1 MiB',
    files: () => [['two.txt', 'Two megabytes\n\n' + EN.repeat(Math.ceil(2e6 / EN.length))]],
    cli: { args: (f) => ['articles', ...f, '--max-file-mb', '1'], code: 1, stderr: /two\.txt: the file is 1\.9 MiB, over the limit of 1\.0 MiB per file \(--max-file-mb N to change it\)/ },
    viewer: { limits: { file: 256, article: 1 }, articles: DEFAULT_ROWS, error: /two\.txt: the article is 1\.9 MiB, over the limit of 1\.0 MiB per article \(File › Limits to change it\)/ },
    gets: 'The limit is the one set, and the message says so; raised again, the same file loads (the viewer test does both).',
  },
  {
    id: 'corpus-200k', input: 'A JSON corpus of 200,000 articles (31 MB, 100 outlets)',
    files: () => {
      const parts = [];
      for (let i = 0; i < 200000; i++) parts.push(JSON.stringify({ source: `a${i}.txt`, outlet: `Outlet ${i % 100}`, text: `Title ${i}\n\n${EN} Number ${i}.` }));
      return [['c200k.json', '{"articles": [' + parts.join(',\n') + ']}']];
    },
    cli: { args: (f) => ['articles', ...f, '--format', 'csv'], code: 0, stdout: /\n199999,a199999\.txt,Outlet 99,Title 199999,en,/ },
    viewer: { articles: 200000, timeout: 240000 },
    gets: 'Loaded. Viewer: about 40 s in SwiftShader chromium, parsed, analysed and matched a slice per frame under a progress bar with Cancel; the old corpus stays usable until it is done.',
  },
  {
    id: 'line-1mb', input: 'A 1 MB line with no sentence end',
    files: () => [['line.txt', 'One long line\n\n' + 'employees police Rekognition and more words '.repeat(Math.ceil(1e6 / 45))]],
    cli: { code: 0, stdout: /line\.txt,One long line,One long line,en,/ },
    viewer: { articles: 6 },
    gets: 'Loaded: the line is one sentence of 1 MB; analysis, matching and the reader stay fast (matching is linear in the text).',
  },
  {
    id: 'word-1mb', input: 'A 1 MB "word" (no spaces)',
    files: () => [['word.txt', 'One long word\n\n' + 'a'.repeat(1e6) + ' end.\n']],
    cli: { code: 0, stdout: /word\.txt,One long word,One long word,/ },
    viewer: { articles: 6 },
    gets: 'Loaded. Tokens longer than 64 bytes are not counted as words, so no chart label is a megabyte long.',
  },
  {
    id: 'json-deep', input: 'JSON nested 100,000 deep',
    files: () => [['deep.json', '['.repeat(100000) + ']'.repeat(100000)]],
    cli: { code: 1, stderr: /deep\.json: expected an object with an "articles" array/ },
    viewer: { articles: DEFAULT_ROWS, error: /deep\.json: expected an object with an "articles" array/ },
    gets: 'Refused: "expected an object with an "articles" array". The parser keeps its own stack, so depth cannot overflow ours.',
  },
  {
    id: 'json-broken', input: 'Broken JSON (a trailing comma)',
    files: () => [['broken.json', '{"articles": [\n  {"text": "x",}\n]}']],
    cli: { code: 1, stderr: /broken\.json \(line 2, column 16\): invalid JSON: unexpected '}'/ },
    viewer: { articles: DEFAULT_ROWS, error: /broken\.json \(line 2, column 16\): invalid JSON/ },
    gets: 'Refused with line and column: "broken.json (line 2, column 16): invalid JSON: unexpected \'}\' …".',
  },
  {
    id: 'json-number-overflow', input: 'A JSON corpus holding a number too large for a double (1e999)',
    files: () => [['huge-number.json', '{"articles": [{"source": "a.txt", "text": "' + EN.trim() + '", "words": 1e999}]}']],
    cli: { code: 1, stderr: /huge-number\.json \(line 1, column \d+\): invalid JSON: number overflow parsing '1e999' \(too large for a number\)/ },
    viewer: { articles: DEFAULT_ROWS, error: /huge-number\.json \(line 1, column \d+\): invalid JSON: number overflow parsing '1e999'/ },
    gets: 'Refused, naming the number and where it is. (The fuzzer found that this used to end the program.)',
  },
  {
    id: 'json-truncated', input: 'A JSON corpus cut off in the middle',
    files: () => [['cut.json', '{"articles": [{"text": "The employees wrote a letter']],
    cli: { code: 1, stderr: /cut\.json \(line 1, column 53\): invalid JSON: invalid string: missing closing quote/ },
    viewer: { articles: DEFAULT_ROWS, error: /cut\.json \(line 1, column \d+\): invalid JSON/ },
    gets: 'Refused with line and column.',
  },
  {
    id: 'json-wrong-type', input: 'A wrong field type ("text": 3, "outlet": [])',
    files: () => [['types.json', '{"articles": [{"text": "ok"}, {"text": 3}]}']],
    cli: { code: 1, stderr: /types\.json: \/articles\/1\/text: required, a string, found number/ },
    viewer: { articles: DEFAULT_ROWS, error: /types\.json: \/articles\/1\/text: required, a string, found number/ },
    gets: 'Refused, naming the field as a JSON pointer and the type found.',
  },
  {
    id: 'json-missing-field', input: 'An article without "text"',
    files: () => [['notext.json', '{"articles": [{"source": "a.txt", "outlet": "X"}]}']],
    cli: { code: 1, stderr: /notext\.json: \/articles\/0\/text: required, a string/ },
    viewer: { articles: DEFAULT_ROWS, error: /notext\.json: \/articles\/0\/text: required, a string/ },
    gets: 'Refused, naming the missing field.',
  },
  {
    id: 'json-not-corpus', input: 'A .json that is neither corpus, metadata nor codebook',
    files: () => [['other.json', '{"name": "something else", "items": [1, 2]}']],
    cli: { code: 1, stderr: /other\.json: expected an object with an "articles" array \(see docs\/formats\.md\)/ },
    viewer: { articles: DEFAULT_ROWS, error: /other\.json: expected an object with an "articles" array/ },
    gets: 'Refused: "expected an object with an "articles" array (see docs/formats.md)".',
  },
  {
    id: 'json-empty-corpus', input: 'A corpus with no articles',
    files: () => [['none.json', '{"articles": []}']],
    cli: { code: 1, stderr: /none\.json: the corpus holds no articles/ },
    viewer: { articles: DEFAULT_ROWS, error: /none\.json: the corpus holds no articles/ },
    gets: 'Refused: "the corpus holds no articles"; the current corpus stays.',
  },
  {
    id: 'duplicate-sources', input: 'Two articles with the same source in one corpus',
    files: () => [['dups.json', JSON.stringify({ articles: [{ source: 'a.txt', outlet: 'A', text: EN }, { source: 'a.txt', outlet: 'B', text: EN }] })]],
    cli: { code: 0, stderr: /dups\.json: \/articles\/1\/source: "a\.txt" repeats \/articles\/0; both are kept/ },
    viewer: { articles: 2, warning: /dups\.json: \/articles\/1\/source: "a\.txt" repeats \/articles\/0; both are kept/ },
    gets: 'Loaded, both kept, with a warning naming both places (at most 10 warnings per file, then a count).',
  },
  {
    id: 'unknown-language', input: 'An unknown language in the metadata ("klingon", "xx")',
    files: () => [['klingon.txt', 'Language: klingon\n\nKlingon wire\n\n' + EN]],
    cli: { code: 0, stderr: /klingon\.txt: front matter: language "klingon" is not one Presslens analyses \(en, nl, de, fr, es, it, pl, ru, pt or another ISO 639-1 code of a language CLD2 identifies\); the language is identified from the text/, stdout: /klingon\.txt,Klingon wire,Klingon wire,en,/ },
    viewer: { articles: 6, warning: /klingon\.txt: front matter: language "klingon" is not one Presslens analyses/ },
    gets: 'Loaded with a warning; the language is identified from the text (English here), so stopwords, stemming and rules work. Region and case are understood ("EN", "nl-BE").',
  },
  {
    id: 'metadata-unmatched', input: 'A metadata.json naming files that are not there',
    files: () => [['metadata.json', JSON.stringify({ articles: [{ file: 'wire.txt', outlet: 'Wire' }, { file: 'gone.txt', outlet: 'Gone' }] })], ['wire.txt', 'Wire story\n\n' + EN]],
    cli: { code: 0, stderr: /metadata names 1 file that no loaded article has \(gone\.txt\); its entries were not applied/, stdout: /wire\.txt,Wire,Wire story,en/ },
    viewer: { articles: 6, warning: /metadata names 1 file that no loaded article has \(gone\.txt\)/ },
    gets: 'The entries that match are applied; a warning names the files that are not loaded.',
  },
  {
    id: 'codebook-duplicate-ids', input: 'A codebook with a repeated code id',
    files: () => [['dupids.json', codebook([{ id: 'X', label: 'One', rules: [{ term: 'police' }] }, { id: 'X', label: 'Two', rules: [{ term: 'palantir' }] }])]],
    cli: { args: (f) => ['matrix', '--codebook', f[0]], code: 1, stderr: /dupids\.json \(line \d+, column \d+\): \/codes\/1\/id: duplicate code id "X"/ },
    viewer: { articles: DEFAULT_ROWS, codes: 10, error: /dupids\.json \(line \d+, column \d+\): \/codes\/1\/id: duplicate code id "X"/ },
    gets: 'Refused with line, column and pointer; the current codebook stays.',
  },
  {
    id: 'codebook-10k-rules', input: 'A codebook with 10,000 rules (100 codes × 100)',
    files: () => {
      const codes = [];
      for (let i = 0; i < 100; i++) {
        const rules = [];
        for (let j = 0; j < 100; j++) rules.push({ all: [{ term: `w${i}x${j}*` }, { any: ['police', 'amazon*'] }], within: 5 });
        codes.push({ id: `C${i}`, label: `Code ${i}`, rules });
      }
      return [['rules10k.json', codebook(codes)]];
    },
    cli: { args: (f) => ['matrix', '--codebook', f[0], '--format', 'csv'], code: 0, stdout: /^outlet,C0,C1,/ },
    viewer: { articles: DEFAULT_ROWS, codes: 100 },
    gets: 'Loaded and matched against the default corpus; the matrix has 100 columns.',
  },
  {
    id: 'codebook-wildcards', input: 'Pathological wildcards ("*", "**", "a*b", "*a")',
    files: () => [['wild.json', codebook([{ id: 'W', label: 'Wild', rules: [{ any: ['*', '**', 'a*b', '*a'] }] }])]],
    cli: { args: (f) => ['matrix', '--codebook', f[0]], code: 1, stderr: /wild\.json \(line \d+, column \d+\): \/codes\/0\/rules\/0\/any\/0: term "\*": a '\*' must follow at least two letters of a word/ },
    viewer: { articles: DEFAULT_ROWS, codes: 10, error: /wild\.json .*term "\*": a '\*' must follow at least two letters/ },
    gets: 'Refused: a `*` only ends a word of two or more letters, so no term matches everything and none backtracks; the first bad term is named, with how many more problems there are.',
  },
  {
    id: 'codebook-wrong-types', input: 'A codebook with wrong types ("within": "x", "label": 7)',
    files: () => [['types-cb.json', codebook([{ id: 'T', label: 7, rules: [{ all: ['police', 'amazon'], within: 'x' }] }])]],
    cli: { args: (f) => ['matrix', '--codebook', f[0]], code: 1, stderr: /types-cb\.json \(line \d+, column \d+\): \/codes\/0\/label: expected a string, found number/ },
    viewer: { articles: DEFAULT_ROWS, codes: 10, error: /types-cb\.json .*\/codes\/0\/label: expected a string, found number/ },
    gets: 'Refused, naming line, column, field and the type found.',
  },
  {
    id: 'codebook-unknown-vocabulary', input: 'A codebook naming a shared vocabulary that does not exist ("@demands")',
    files: () => [['vocab-cb.json', codebook([{ id: 'V', label: 'V', rules: [{ lang: 'en', all: ['palantir', '@demands'] }] }])]],
    cli: { args: (f) => ['matrix', '--codebook', f[0]], code: 1, stderr: /vocab-cb\.json \(line \d+, column \d+\): \/codes\/0\/rules\/0\/all\/1: unknown vocabulary "@demands" \(the shared vocabularies are @demand, / },
    viewer: { articles: DEFAULT_ROWS, codes: 10, error: /vocab-cb\.json .*unknown vocabulary "@demands" \(the shared vocabularies are @demand/ },
    gets: 'Refused, naming the reference, where it is and the vocabularies there are; the codebook in use stays.',
  },
  {
    id: 'codebook-wrong-language', input: 'A codebook whose "lang" is not a language code ("lang": "English")',
    files: () => [['lang-cb.json', JSON.stringify({ presslens_codebook: 1, lang: 'English', codes: [{ id: 'L', label: 'L', rules: [{ term: 'palantir' }] }] }, null, 1)]],
    cli: { args: (f) => ['matrix', '--codebook', f[0]], code: 1, stderr: /lang-cb\.json \(line \d+, column \d+\): \/lang: expected a two-letter language code or "\*", found "English"/ },
    viewer: { articles: DEFAULT_ROWS, codes: 10, error: /lang-cb\.json .*\/lang: expected a two-letter language code/ },
    gets: 'Refused, naming the field, its line and column and what was found; the codebook in use stays.',
  },
  {
    id: 'codebook-number-overflow', input: 'A codebook holding a number too large for a double ("within": 2e400)',
    files: () => [['huge-cb.json', codebook([{ id: 'T', label: 'T', rules: [{ all: ['police', 'amazon'], within: 1 }] }]).replace('"within": 1', '"within": 2e400')]],
    cli: { args: (f) => ['matrix', '--codebook', f[0]], code: 1, stderr: /huge-cb\.json \(line \d+, column \d+\): invalid JSON: number overflow parsing '2e400'/ },
    viewer: { articles: DEFAULT_ROWS, codes: 10, error: /huge-cb\.json .*number overflow parsing '2e400'/ },
    gets: 'Refused, naming the number and where it is; the codebook in use stays.',
  },
  {
    id: 'codebook-deep', input: 'A codebook nested 100,000 deep',
    files: () => [['deep-cb.json', '{"presslens_codebook": 1, "codes": ' + '['.repeat(100000) + ']'.repeat(100000) + '}']],
    cli: { args: (f) => ['matrix', '--codebook', f[0]], code: 1, stderr: /deep-cb\.json \(line 1, column \d+\): \/codes\/0: expected a code object, found array/ },
    viewer: { articles: DEFAULT_ROWS, codes: 10, error: /deep-cb\.json .*\/codes\/0: expected a code object, found array/ },
    gets: 'Refused, naming the first wrong field.',
  },
  {
    id: 'missing-file', input: 'A file that is gone (or cannot be read)',
    files: () => [],
    cli: { args: () => ['articles', 'no/such/file.txt'], code: 1, stderr: /no\/such\/file\.txt: no such file or directory/ },
    viewer: { unreadable: 'gone.txt', articles: DEFAULT_ROWS, error: /gone\.txt: could not be read/ },
    gets: 'CLI: "no such file or directory". Viewer: a file the browser cannot read is named with the browser\'s reason.',
  },
  {
    id: 'directory', input: 'A directory (of .txt files, with other files beside them)',
    files: () => [['dir/one.txt', 'One\n\n' + EN], ['dir/sub/two.txt', 'Two\n\n' + EN], ['dir/notes.md', '# not an article']],
    cli: { args: () => null /* the directory itself */, code: 0, stdout: /one\.txt,One,One,en,.*\n.*two\.txt,Two,Two,en,/ },
    viewer: { folder: 'dir', articles: DEFAULT_ROWS, error: /dir: could not be read.*folder/ },
    gets: 'CLI and desktop viewer: every .txt, .html and .json under it, sorted by path (a saved page\'s page_files/ folder left out). Browser: a dropped folder cannot be read as a file; the message says to drop the files in it.',
  },
  {
    id: 'many-files', input: '2,000 small files at once',
    files: () => Array.from({ length: 2000 }, (_, i) => [`many/m${String(i).padStart(4, '0')}.txt`, `Outlet: Many ${i % 40}\n\nStory ${i}\n\n${EN}`]),
    cli: { args: () => null, code: 0, stdout: /\n1999,m1999\.txt,Many 39,Story 1999,en,/ },
    viewer: { articles: 2005, timeout: 120000 },
    gets: 'Loaded, a file per slice, under the progress bar.',
  },
  {
    id: 'control-chars', input: 'Control and bidirectional characters, zero-width joiners, CR-only line ends',
    files: () => [['controls.txt', 'Bidi \u202etest\u202c title\r\r' + 'Zero\u200dwidth and \u0007bell \u001b[31mescape. ' + EN.replace(/\n/g, '\r')]],
    cli: { code: 0, stdout: /controls\.txt,Bidi \u202etest\u202c title,/ },
    viewer: { articles: 6 },
    gets: 'Loaded: they are not letters, so they split or end words; the text is kept and shown as it is.',
  },
  {
    id: 'project-truncated', input: 'A project file (.presslens) cut short, as by an interrupted copy',
    files: () => {
      const text = 'Cut short\n\n' + EN;
      const whole = 'presslens-project 1\n{"articles":1,"name":"Cut","record":"project"}\n' +
        '{"bytes":0,"name":"codebook.json","record":"codebook"}\n\n' +
        `{"bytes":${Buffer.byteLength(text)},"record":"article","source":"cut.txt"}\n${text}\n` +
        '{"link":"","record":"view"}\n{"articles":1,"record":"end"}\n';
      return [['cut.presslens', whole.slice(0, whole.indexOf('{"link"'))]];
    },
    cli: { code: 1, stderr: /cut\.presslens: after article 1 of 1 \(byte \d+\): truncated: the file stops before its end record/ },
    viewer: { articles: DEFAULT_ROWS, error: /cut\.presslens: after article 1 of 1 \(byte \d+\): truncated/ },
    gets: 'Refused, naming the last whole article and the byte where the file stops; the open project stays as it was.',
  },
  {
    id: 'project-bad-review', input: 'A project file whose review record holds a decision of an unknown kind',
    files: () => {
      const text = 'A reviewed article\n\n' + EN;
      const review = '{"decisions":[{"article":"r.txt","code":"D1","kind":"maybe","value":1}],"others":[]}';
      return [['reviewed.presslens', 'presslens-project 1\n{"articles":1,"name":"Reviewed","record":"project"}\n' +
        '{"bytes":0,"name":"codebook.json","record":"codebook"}\n\n' +
        `{"bytes":${Buffer.byteLength(text)},"record":"article","source":"r.txt"}\n${text}\n` +
        `{"bytes":${review.length},"record":"review"}\n${review}\n` +
        '{"link":"","record":"view"}\n{"articles":1,"record":"end"}\n']];
    },
    cli: { code: 1, stderr: /reviewed\.presslens: the review record \(byte \d+\): \/decisions\/0\/kind: expected confirm, reject or add, found "maybe"/ },
    viewer: { articles: DEFAULT_ROWS, error: /reviewed\.presslens: the review record \(byte \d+\): \/decisions\/0\/kind: expected confirm, reject or add/ },
    gets: 'Refused, naming the review record, its byte and the field ("/decisions/0/kind: expected confirm, reject or add"); nothing of the file is applied.',
  },
  {
    id: 'codings-bad', input: 'Another coder\'s codings CSV with a value other than 0 or 1 and an article the project lacks',
    files: () => [['coder-b.csv', 'article,code,value,coder\n002_21dcaa8bcce8cfbc.txt,D1,2,Bob\nmissing.txt,D2,1,Bob\n']],
    cli: { args: (f) => ['agreement', f[0], f[0]], code: 1, stderr: /coder-b\.csv: row 2: value "2" is not 0 or 1/ },
    viewer: { articles: DEFAULT_ROWS, error: /coder-b\.csv: row 2: value "2" is not 0 or 1; nothing imported/ },
    gets: 'Refused whole, naming the rows ("row 2: value "2" is not 0 or 1"; an unknown article or claim: "row 3: no article "missing.txt" in this project"); no coding of the file is imported.',
  },
];

// Writes every case's files under dir/<id>/ (sparse files with truncate) and returns, per case,
// the paths of its top-level inputs.
export function writeCases(dir, only = null) {
  const out = {};
  for (const c of cases) {
    if (only && !only.includes(c.id)) continue;
    const base = path.join(dir, c.id);
    fs.rmSync(base, { recursive: true, force: true });
    fs.mkdirSync(base, { recursive: true });
    const tops = new Set();
    for (const [name, content] of c.files()) {
      const p = path.join(base, name);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      if (content && content.sparse) { fs.writeFileSync(p, ''); fs.truncateSync(p, content.sparse); }
      else fs.writeFileSync(p, content);
      tops.add(path.join(base, name.split('/')[0]));
    }
    out[c.id] = [...tops].sort();
  }
  return out;
}
