// Real-browser tests of the user's own data: dropping a .txt adds an article and updates the
// matrix, a broken .json is refused with its error while the corpus stays, the file picker loads
// files, a codebook typed into the editor and a loaded corpus survive a reload (IndexedDB), and
// the exports arrive as downloads with the right contents (CSV, JSON, and a PNG decoded here).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { launch, openApp, state, waitState, clickRect, menu, framePresented, assertNoCspViolations, SHOT_DIR, dropFiles } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

// an English report of the three demands, as a user's own .txt with front matter
const TEST_WIRE = fs.readFileSync(new URL('../fixtures/testwire.txt', import.meta.url), 'utf8');

const matrixReady = (n) => (s) => s.matrix.length === n && s.matrix.every((row) => row.every((c) => c.rect)) && !s.loading;


test('dropping a .txt adds the article and its outlet row to the matrix; it survives a reload', async () => {
  const { page } = await openApp(env);
  await waitState(page, matrixReady(5), 'the default matrix');
  await dropFiles(page, [{ name: 'testwire.txt', text: TEST_WIRE }]);
  const s = await waitState(page, (s) => s.articles.length === 6 && matrixReady(6)(s), 'a sixth article and outlet');
  assert.equal(s.outlets[5], 'Test Wire');
  assert.equal(s.articles[5].source, 'testwire.txt');
  assert.equal(s.articles[5].language, 'en');
  assert.deepEqual(s.matrix[5].slice(0, 3).map((c) => c.hits > 0), [true, true, true]);
  assert.match(s.notice, /added 1 article/);
  assert.equal(s.error, '');
  assert.equal(s.corpus_default, false);
  // the cell of the new row opens the dropped article's sentence
  await clickRect(page, s.matrix[5][2].rect);
  const r = await waitState(page, (s) => s.reader && s.reader.focus, 'the evidence of the dropped article');
  assert.equal(r.reader.source, 'testwire.txt');
  assert.match(r.reader.focus, /transparency and accountability/);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'drop-txt.png') });

  // dropping the same file again replaces it rather than adding a copy
  await dropFiles(page, [{ name: 'testwire.txt', text: TEST_WIRE.replace('Test Wire', 'Test Wire 2') }]);
  const again = await waitState(page, (s) => s.outlets.includes('Test Wire 2') && !s.loading, 'the replaced article');
  assert.equal(again.articles.length, 6);
  assert.match(again.notice, /1 file replaced/);

  // the loaded corpus is kept in the browser: a reload shows it again
  await page.waitForFunction(() => window.presslens.storeWrites >= 2, null, { timeout: 10000 });
  await page.reload();
  await page.waitForFunction(() => window.presslens.ready === true, null, { timeout: 30000 });
  const back = await waitState(page, matrixReady(6), 'the kept corpus after a reload');
  assert.equal(back.articles[5].source, 'testwire.txt');
  assert.match(back.notice, /restored 6 articles/);
  // and File > Open the example project goes back to the five articles
  await menu(page, 'File/Open the example project');
  await waitState(page, (s) => s.articles.length === 5 && s.corpus_default, 'the default corpus');
  await page.close();
});

test('a broken .json is refused with what and where, and the corpus and matrix stay', async () => {
  const { page } = await openApp(env);
  const before = await waitState(page, matrixReady(5), 'the default matrix');
  await dropFiles(page, [{ name: 'broken.json', text: '{"articles": [{"text": "fine"}, {"text": 5}]}' }]);
  const s = await waitState(page, (s) => s.error !== '' && !s.loading, 'an error');
  assert.match(s.error, /broken\.json/);
  assert.match(s.error, /\/articles\/1\/text/);
  assert.equal(s.articles.length, 5);
  assert.deepEqual(s.matrix.map((r) => r.map((c) => c.hits)), before.matrix.map((r) => r.map((c) => c.hits)));
  // a binary file and invalid JSON in one drop: both named, nothing changes
  await dropFiles(page, [{ name: 'photo.txt', text: 'PNG\u0000\u0001binary' }, { name: 'cut.json', text: '{"articles": [' }]);
  const s2 = await waitState(page, (s) => /2 files not loaded/.test(s.error) && !s.loading, 'two errors');
  assert.match(s2.error, /photo\.txt.*binary/);
  assert.match(s2.error, /cut\.json.*line 1/);
  assert.equal(s2.articles.length, 5);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'drop-broken-json.png') });
  await page.close();
});

test('the file picker (File > Open files) loads the chosen files', async () => {
  const { page } = await openApp(env);
  await waitState(page, matrixReady(5), 'the default matrix');
  const dir = fs.mkdtempSync(path.join(SHOT_DIR, 'pick-'));
  const file = path.join(dir, 'picked.txt');
  fs.writeFileSync(file, TEST_WIRE.replace('Test Wire', 'Picked Post'));
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'File/Open files');
  await (await chooser).setFiles(file);
  const s = await waitState(page, (s) => s.articles.length === 6 && !s.loading, 'the picked article');
  assert.equal(s.outlets[5], 'Picked Post');
  fs.rmSync(dir, { recursive: true });
  await page.close();
});

test('a codebook typed into the editor re-matches live and survives a reload', async () => {
  const { page } = await openApp(env, { hash: '#panel=codebook' });
  let s = await waitState(page, (s) => s.panel === 'codebook' && s.menu.File && s.editor.rects['tab/json'], 'the codebook panel');
  // the JSON tab of the workbench, then into its editor: select all, type a new codebook
  await clickRect(page, s.editor.rects['tab/json']);
  s = await waitState(page, (s) => s.editor.rects.json && s.editor.rects.json.h > 0, 'the JSON editor');
  await clickRect(page, s.editor.rects.json);
  await page.keyboard.press('Control+A');
  const writes = await page.evaluate(() => window.presslens.storeWrites);
  await page.keyboard.type('{"codes": [{"id": "X1", "label": "The letter", "rules": [{"id": "x", "term": "letter"}]}]}');
  // The app takes typed keys a few per frame: on a busy machine that is slow, so the bound is wide;
  // what is awaited is the state, never a stretch of time.
  s = await waitState(page, (s) => s.codes.length === 1 && s.codes[0] === 'X1', 'the typed codebook applied', 30000);
  assert.equal(s.codebook_error, '');
  assert.ok(s.matrix.some((row) => row[0].hits > 0), 'some outlet mentions the letter');
  await framePresented(page);
  await page.screenshot({ path: path.join(SHOT_DIR, 'codebook-typed.png') });
  // kept: the page counts each completed IndexedDB write; this one is the typed codebook's
  await page.waitForFunction((n) => window.presslens.storeWrites > n, writes, { timeout: 30000 });
  await page.reload();
  await page.waitForFunction(() => window.presslens.ready === true, null, { timeout: 30000 });
  s = await waitState(page, (s) => s.codes.length > 0, 'the codebook after a reload', 30000);
  assert.deepEqual(s.codes, ['X1']);
  // File > Default codebook restores the default (and forgets the kept one)
  await menu(page, 'File/Default codebook');
  s = await waitState(page, (s) => s.codes.length === 10, 'the default codebook', 30000);
  await page.close();
});

function pngInfo(buf) {
  assert.equal(buf.subarray(0, 8).toString('latin1'), '\x89PNG\r\n\x1a\n');
  let pos = 8, width = 0, height = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.subarray(pos + 4, pos + 8).toString('latin1');
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));  // throws on a bad stream or Adler-32
  const stride = width * 4;
  assert.equal(raw.length, (stride + 1) * height);
  // undo each row's filter (PNG specification, section 9): None, Sub, Up, Average, Paeth
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], src = y * (stride + 1) + 1, row = y * stride;
    assert.ok(f <= 4, `row ${y}: filter type ${f}`);
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? px[row + i - 4] : 0, b = y ? px[row - stride + i] : 0;
      const c = i >= 4 && y ? px[row - stride + i - 4] : 0;
      let p = raw[src + i];
      if (f === 1) p += a;
      else if (f === 2) p += b;
      else if (f === 3) p += (a + b) >> 1;
      else if (f === 4) {
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        p += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[row + i] = p & 255;
    }
  }
  const colours = new Set();
  let opaque = true;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = y * stride + x * 4;
      if (px[o + 3] !== 255) opaque = false;
      if (x % 3 === 0 && y % 3 === 0) colours.add(px.readUInt32BE(o));
    }
  return { width, height, colours: colours.size, opaque, bytes: buf.length, raw: raw.length };
}

test('exports download: matrix CSV and JSON, evidence CSV, the word list and the chart as PNG', async () => {
  const { page } = await openApp(env);
  let s = await waitState(page, matrixReady(5), 'the default matrix');
  const download = async (item) => {
    const d = page.waitForEvent('download');
    await menu(page, item);
    const dl = await d;
    const file = path.join(SHOT_DIR, dl.suggestedFilename());
    await dl.saveAs(file);
    return { name: dl.suggestedFilename(), body: fs.readFileSync(file) };
  };
  const csv = await download('Export/Matrix as CSV');
  assert.equal(csv.name, 'presslens-matrix.csv');
  const lines = csv.body.toString('utf8').trim().split('\n');
  assert.match(lines[0], /^outlet,D1: Stop selling face recognition to law enforcement,D2: [^,]+,D3: /);  // ids with their labels
  assert.equal(lines.length, 6);  // header + 5 outlets
  assert.ok(lines.some((l) => l.startsWith('CNET,')));
  const json = JSON.parse((await download('Export/Matrix as JSON')).body.toString('utf8'));
  assert.equal(json.length, 5);
  assert.equal(json[3].outlet, 'CNET');
  assert.ok(json[3].D3 > 0);
  const ev = (await download('Export/Evidence as CSV (one row per quote)')).body.toString('utf8');
  assert.match(ev.split('\n')[0], /^outlet,source,code,sentence,start,end/);
  assert.match(ev, /Implement strong transparency and accountability measures/);

  // the Words panel: its list and its chart
  await page.evaluate(() => { window.location.hash = '#panel=words'; });
  s = await waitState(page, (s) => s.panel === 'words' && s.bars.length > 0 && s.bars[0].rect, 'the chart');
  const words = (await download('Export/Word list as CSV')).body.toString('utf8').trim().split('\n');
  assert.equal(words[0], 'term,count,written');
  // the folded key, its count, and the word as the articles write it ("amazon" -> "Amazon")
  assert.equal(words[1], `${s.bars[0].term},${s.bars[0].count},Amazon`);
  // the whole chart, not the part on screen: a narrow window shows a few bars, the files hold all 30
  await page.setViewportSize({ width: 900, height: 420 });
  s = await waitState(page, (s) => s.bars.length === 30 && s.bars.filter((b) => b.rect).length < 30 && s.bars[0].rect, 'a chart scrolled off screen');
  const png = await download('Export/Chart as PNG');
  assert.equal(png.name, 'presslens-chart-corpus.png');
  const info = pngInfo(png.body);
  assert.ok(info.height > 30 * 20, `every bar is in the PNG (${info.width}x${info.height}; the chart on screen is ${Math.round(s.chart_rect.h)} high)`);
  assert.ok(info.height > s.chart_rect.h);
  assert.ok(info.colours > 5, `a chart has bars and text, not one flat colour (${info.colours} colours)`);
  assert.ok(info.opaque, 'the chart is exported opaque');
  assert.ok(info.bytes < info.raw / 4, `the PNG is compressed (${info.bytes} bytes for ${info.raw} of scanlines)`);
  const svg = (await download('Export/Chart as SVG (vector)')).body.toString('utf8');
  assert.match(svg, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((svg.match(/<rect /g) || []).length, 1 + 30);  // the paper and one bar per word
  // each bar's word as written (the state names its folded key: "amazon" is drawn "Amazon")
  const lower = svg.toLowerCase();
  for (const b of s.bars) assert.ok(lower.includes(`>${b.term}</text>`) && svg.includes(`>${b.count}</text>`), `${b.term} ${b.count} in the SVG`);
  assert.ok(svg.includes('>Amazon</text>') && !svg.includes('>amazon</text>'), 'the word as written in the SVG');
  await assertNoCspViolations(page);  // downloads and storage live within the policy
  await page.close();
});

test('two outlets side by side, and the light theme at 1024x640', async () => {
  const { page } = await openApp(env, { width: 1024, height: 640, hash: '#panel=words&scope=outlet:3&compare=4' });
  const s = await waitState(page, (s) => s.panel === 'words' && s.compare === 4 && s.bars.length > 0 && s.bars[0].rect, 'the comparison');
  assert.ok(s.bars.every((b) => typeof b.count_b === 'number'), 'every word has both counts');
  assert.ok(s.bars.some((b) => b.count > 0 && b.count_b === 0) || s.bars.some((b) => b.count === 0 && b.count_b > 0) ||
            s.bars.some((b) => b.count !== b.count_b), 'the outlets differ somewhere');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'words-compare.png') });
  await menu(page, 'View/Light theme');
  await waitState(page, (s) => s.theme === 'light', 'the light theme');
  await page.evaluate(() => { window.location.hash = '#panel=matrix&cell=3,2&article=3'; });
  const m = await waitState(page, (s) => s.panel === 'matrix' && s.matrix.every((row) => row.every((c) => c.rect)), 'the matrix');
  // usable at 1024x640: the three demand columns show without scrolling, left of the reader
  assert.ok(m.matrix[0][2].rect.x + m.matrix[0][2].rect.w < 1024 * 0.52, JSON.stringify(m.matrix[0][2].rect));
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'light-1024x640.png') });
  await page.close();
});

test('a big load shows progress and the interface keeps drawing frames meanwhile', async () => {
  const { page } = await openApp(env);
  await waitState(page, matrixReady(5), 'the default matrix');
  // 6,000 articles from 30 outlets (~7 MB of JSON), built from the test article: enough work to
  // span several frames even with the load's longer slices on a slow-drawing canvas
  const articles = [];
  for (let i = 0; i < 6000; i++)
    articles.push({ source: `bulk-${i}.txt`, outlet: `Outlet ${i % 30}`, text: TEST_WIRE.split('\n\n').slice(2).join('\n\n').repeat(3) });
  await dropFiles(page, [{ name: 'bulk.json', text: JSON.stringify({ articles }) }]);
  const seen = [];
  const t0 = Date.now();
  for (;;) {
    const s = await state(page);
    if (s.loading) seen.push(s.frame);
    if (!s.loading && s.article_count === 6000) break;
    if (Date.now() - t0 > 60000) throw new Error(`the load did not finish in 60 s: ${s.article_count} articles, ${s.error}, ${s.notice}`);
    if (seen.length === 3) await page.screenshot({ path: path.join(SHOT_DIR, 'loading-progress.png') });
    await page.waitForTimeout(20);
  }
  assert.ok(seen.length >= 3, `progress was on screen for ${seen.length} polls`);
  assert.ok(new Set(seen).size >= 3, `frames kept coming while loading (${[...new Set(seen)].length} distinct)`);
  const s = await waitState(page, (s) => s.matrix.length === 30 && !s.loading, 'thirty outlet rows');
  assert.match(s.notice, /loaded 6000 articles/);
  assert.ok(s.matrix.every((row) => row[0].hits > 0), 'every outlet reports D1');
  await page.close();
});

test('a codebook and an article dropped together: both apply, matched in one pass', async () => {
  const { page } = await openApp(env);
  await waitState(page, matrixReady(5), 'the default matrix');
  const codebook = JSON.stringify({ codes: [{ id: 'PAL', label: 'Palantir', rules: [{ id: 'p', term: 'palantir' }] }] });
  await dropFiles(page, [{ name: 'mine.json', text: codebook }, { name: 'testwire.txt', text: TEST_WIRE }]);
  const s = await waitState(page, (s) => s.articles.length === 6 && !s.loading && s.codes[0] === 'PAL', 'both applied');
  assert.deepEqual(s.codes, ['PAL']);
  assert.equal(s.outlets[5], 'Test Wire');
  assert.ok(s.matrix[5][0].hits > 0, 'Test Wire mentions Palantir');
  assert.match(s.notice, /codebook mine\.json; added 1 article/);
  await page.close();
});

test('a cell the codebook cannot see is not covered: it looks and reads as such, and exports as NA', async () => {
  const { page } = await openApp(env);
  await waitState(page, matrixReady(5), 'the default matrix');
  // an English-only claim, as a new user writes it, and a German article that reports it
  const codebook = JSON.stringify({ name: 'Arbitration', codes: [{ id: 'W1', label: 'End forced arbitration',
    rules: [{ id: 'W1-en', lang: 'en', all: ['forced arbitration', ['end', 'demand*']] }] }] });
  const german = 'Outlet: Die Zeitung\nLanguage: de\n\nDie Mitarbeiter fordern ein Ende der Zwangsschlichtung im Konzern. ' +
    'Sie wollen, dass der Konzern die Regeln ändert.\n';
  await dropFiles(page, [{ name: 'codebook.json', text: codebook }, { name: 'zeitung.txt', text: german }]);
  const s = await waitState(page, (s) => s.codes.length === 1 && s.outlets.includes('Die Zeitung') && matrixReady(6)(s),
    'the German outlet under the English-only codebook');
  const row = s.outlets.indexOf('Die Zeitung');
  assert.equal(s.matrix[row][0].state, 'not_covered');
  assert.equal(s.matrix[s.outlets.indexOf('CNET')][0].state, 'not_reported');  // English, seen, not reported
  assert.equal(s.matrix[0][0].state, 'not_covered');  // the default corpus's Dutch article
  // hovering the cell says why, naming the language
  const r = s.matrix[row][0].rect;
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  const hover = await waitState(page, (s) => /Not covered/.test(s.tooltip), 'the not-covered tooltip');
  assert.match(hover.tooltip, /no rule of W1 is written for German \(de\)/);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'not-covered.png') });
  // the export carries NA, not 0
  const d = page.waitForEvent('download');
  await menu(page, 'Export/Matrix as CSV');
  const dl = await d;
  const file = path.join(SHOT_DIR, 'not-covered-matrix.csv');
  await dl.saveAs(file);
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  assert.ok(lines.includes('Die Zeitung,NA,0'), lines.join('\n'));
  await page.close();
});

test('an English codebook is carried into the corpus\'s other languages: suggestions listed, added with one click, the matrix follows', async () => {
  const { page } = await openApp(env);
  await waitState(page, matrixReady(5), 'the default matrix');
  const codebook = JSON.stringify({ name: 'Walkout', codes: [{ id: 'W1', label: 'Transparency on arbitration',
    rules: [{ id: 'W1-en', lang: 'en', all: [['transparency', 'arbitration'], ['demand*', 'ask*']] }] }] });
  const es = 'Outlet: El Mundo\nLanguage: es\n\nLos trabajadores exigen transparencia sobre el arbitraje forzoso.\n';
  const nl = 'Outlet: De Tijd\nLanguage: nl\n\nDe werknemers eisen transparantie over de gedwongen arbitrage.\n';
  await dropFiles(page, [{ name: 'walkout.json', text: codebook }, { name: 'mundo.txt', text: es }, { name: 'tijd.txt', text: nl }]);
  let s = await waitState(page, (s) => s.codes.length === 1 && s.outlets.includes('De Tijd') && matrixReady(7)(s), 'the new codebook and articles');
  const mundo = s.outlets.indexOf('El Mundo'), tijd = s.outlets.indexOf('De Tijd');
  assert.equal(s.matrix[mundo][0].state, 'not_covered');
  assert.equal(s.matrix[tijd][0].state, 'not_covered');
  await page.evaluate(() => { window.location.hash = '#panel=codebook'; });
  s = await waitState(page, (s) => s.panel === 'codebook' && s.suggestions.count > 0 && s.suggestions.add_rect, 'the suggestions');
  const rows = s.suggestions.rows;
  assert.ok(rows.some((r) => r.language === 'es' && r.term === 'transparency' && r.suggestion === 'transparencia' && r.source === 'cognate' && r.articles === 1), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.language === 'nl' && r.suggestion === '@demand' && r.source === 'vocabulary'));
  assert.ok(rows.every((r) => r.language !== 'en'), 'English is covered already');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'suggestions.png') });
  await clickRect(page, s.suggestions.add_rect);
  s = await waitState(page, (s) => s.matrix.length === 7 && s.matrix[mundo][0].state === 'reported' && s.matrix[tijd][0].state === 'reported',
    'the Spanish and Dutch outlets reporting the claim');
  assert.equal(s.codebook_error, '');
  assert.equal(s.suggestions.count, 0, 'nothing left to carry');
  await page.evaluate(() => { window.location.hash = '#panel=matrix'; });
  await waitState(page, (s) => s.panel === 'matrix' && matrixReady(7)(s), 'the matrix');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'suggestions-added.png') });
  await page.close();
});
