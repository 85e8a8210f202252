// Real-browser tests of what the canvas offers assistive technology (docs/accessibility.md): the
// matrix and the article list as tables read through Chrome's accessibility tree (what a screen
// reader is given), kept in step with the app, and the keyboard: Tab reaches every panel and
// control, and the focus is drawn.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, openApp, state, waitState, clickRect, dropFiles, framePresented, SHOT_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

const cellsReady = (s) => s.matrix.length === 5 && s.matrix.every((row) => row.every((c) => c.rect));

// Chrome's accessibility tree: the table named `name`, as rows of [role, name, description].
async function axTable(page, name) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const v = (p) => (p && p.value !== undefined ? String(p.value) : '');
  const table = nodes.find((n) => v(n.role) === 'table' && v(n.name) === name);
  if (!table) return null;
  const rows = [];
  const walk = (id) => {
    const n = byId.get(id);
    if (!n) return;
    if (v(n.role) === 'row') {
      rows.push((n.childIds || []).map((c) => byId.get(c)).filter(Boolean)
        .map((c) => [v(c.role), v(c.name), v(c.description)]));
      return;
    }
    (n.childIds || []).forEach(walk);
  };
  walk(table.nodeId);
  return rows;
}

test('the matrix is an accessible table naming its outlets, claims and each cell\'s state', async () => {
  const { page } = await openApp(env);
  const s = await waitState(page, cellsReady, 'matrix cells on screen');
  await page.waitForFunction(() => window.presslens.mirrored > 0);
  const rows = await axTable(page, 'Matrix: which outlets report which claims');
  assert.ok(rows, 'a table of that name is in the accessibility tree');
  // the header row: the claims by id and label
  assert.equal(rows[0][0][1], 'Outlet');
  assert.deepEqual(rows[0].slice(1).map((c) => c[0]), s.codes.map(() => 'columnheader'));
  assert.deepEqual(rows[0].slice(1).map((c) => c[1].split(':')[0]), s.codes);
  assert.match(rows[0][3][1], /^D3: Transparency and accountability measures$/);
  // a row per outlet, its header the outlet's name; each cell says what the app's matrix says
  assert.deepEqual(rows.slice(1).map((r) => [r[0][0], r[0][1]]), s.outlets.map((o) => ['rowheader', o]));
  const words = { reported: /^reported \(\d+ sentences?\)$/, not_reported: /^not reported$/, not_covered: /^not covered$/ };
  s.matrix.forEach((row, r) => row.forEach((cell, c) => {
    const ax = rows[r + 1][c + 1];
    assert.equal(ax[0], 'cell');
    assert.match(ax[1], words[cell.state], `${s.outlets[r]} / ${s.codes[c]}: "${ax[1]}" for ${cell.state}`);
    if (cell.state === 'reported') assert.equal(ax[1], `reported (${cell.hits} ${cell.hits === 1 ? 'sentence' : 'sentences'})`);
  }));
  // the evidence sentence is the cell's description; an empty cell's description says why
  assert.match(rows[4][3][2], /Implement strong transparency and accountability measures/);
  assert.match(rows[1][3][2], /^Vorige week.*Empty: no sentence matched all of a rule/s);
});

test('the article list is an accessible table kept in step with the app', async () => {
  const { page } = await openApp(env, { hash: '#panel=articles' });
  let s = await waitState(page, (s) => s.panel === 'articles' && s.articles.every((a) => a.rect), 'article rows');
  await page.waitForFunction(() => window.presslens.mirrored > 0);
  let rows = await axTable(page, 'Articles (5)');
  assert.ok(rows, 'the article table is in the accessibility tree');
  assert.deepEqual(rows[0].map((c) => c[1]), ['Outlet', 'Title', 'Language', 'Date', 'Words']);
  assert.deepEqual(rows.slice(1).map((r) => r[1][1]), s.articles.map((a) => a.title));
  assert.deepEqual(rows.slice(1).map((r) => r[2][1]), s.articles.map((a) => a.language));
  // opening an article marks its row; adding one adds a row and an outlet to the matrix
  await clickRect(page, s.articles[2].rect);
  await waitState(page, (s) => s.selected === 2, 'the third article open');
  await page.waitForFunction(() => {
    const rows = document.querySelectorAll('#a11y-articles tbody tr');
    return rows.length === 5 && rows[2].getAttribute('aria-current') === 'true' && !rows[0].hasAttribute('aria-current');
  }, null, { timeout: 3000 });
  await dropFiles(page, [{ name: 'testwire.txt', text: fs.readFileSync('tests/fixtures/testwire.txt', 'utf8') }]);
  s = await waitState(page, (s) => s.article_count === 6 && s.outlets.includes('Test Wire'), 'the dropped article', 10000);
  await page.waitForFunction(() => document.querySelectorAll('#a11y-articles tbody tr').length === 6, null, { timeout: 3000 });
  rows = await axTable(page, 'Articles (6)');
  assert.ok(rows && rows.some((r) => r[0][1] === 'Test Wire' && r[1][1] === 'Amazon staff write to Bezos'));
  const matrix = await axTable(page, 'Matrix: which outlets report which claims');
  assert.deepEqual(matrix.slice(1).map((r) => r[0][1]), s.outlets);
  // a new codebook sends the matrix again, not the article list: the list built before stays
  const mirrored = await page.evaluate(() => window.presslens.mirrored);
  const codebook = { name: 'One claim', lang: 'en', codes: [{ id: 'L1', label: 'A letter', rules: [{ id: 'L1-en', term: 'letter' }] }] };
  await dropFiles(page, [{ name: 'one.json', text: JSON.stringify(codebook) }]);
  await waitState(page, (s) => s.codes.length === 1, 'the dropped codebook', 10000);
  await page.waitForFunction((m) => window.presslens.mirrored > m &&
    document.querySelector('#a11y-matrix thead').textContent.includes('L1: A letter'), mirrored, { timeout: 3000 });
  rows = await axTable(page, 'Articles (6)');
  assert.equal(rows.length, 7, 'the article list is still there, header and six rows');
  assert.ok(rows.some((r) => r[0][1] === 'Test Wire'));
});

// A PNG screenshot (8-bit RGB or RGBA, not interlaced) as {width, height, px(x, y) -> [r, g, b]}.
function decodePng(buf) {
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('ascii', pos + 4, pos + 8), data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth 8');
      channels = { 2: 3, 6: 4 }[data[9]];
      assert.ok(channels && data[12] === 0, 'RGB(A), not interlaced');
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat)), stride = width * channels, out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0, b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][f];
      out[y * stride + x] = (line[x] + pred) & 255;
    }
  }
  return { width, height, px: (x, y) => Array.from(out.subarray(y * stride + x * channels, y * stride + x * channels + 3)) };
}

// How many pixels of the band just outside a rect have ImGui's focus colour (NavHighlight, blue).
function focusPixels(png, r) {
  let n = 0;
  for (let y = Math.floor(r.y - 6); y <= r.y + r.h + 6; y++)
    for (let x = Math.floor(r.x - 6); x <= r.x + r.w + 6; x++) {
      const inside = x > r.x + 1 && x < r.x + r.w - 1 && y > r.y + 1 && y < r.y + r.h - 1;
      if (inside || x < 0 || y < 0 || x >= png.width || y >= png.height) continue;
      const [R, G, B] = png.px(x, y);
      if (Math.abs(R - 66) < 40 && Math.abs(G - 150) < 40 && B > 200) n++;
    }
  return n;
}

test('Tab reaches every panel and control, and the focus is drawn', async () => {
  const { page } = await openApp(env);
  // (after the language module has come and the corpus was analysed again with it: the walk starts
  // from the page as it stays)
  let s = await waitState(page, (s) => cellsReady(s) && s.detector === 'cld2' && !s.loading, 'matrix cells on screen, CLD2', 30000);
  const seen = new Map();
  const tab = async () => {
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.presslens.focus && window.presslens.focus.shown);
    const f = await page.evaluate(() => window.presslens.focus);
    seen.set(`${f.window}@${f.rect.x},${f.rect.y}`, f);
    return f;
  };
  // the five panels' tabs (Matrix, Articles, Words, Codebook, Review), the matrix's options and the
  // matrix itself: Tab on until the tabs and the matrix were all reached (at most 60 presses)
  const isTab = (f) => f.rect.y < 40 && f.rect.h < 30;
  const tabXs = () => new Set([...seen.values()].filter(isTab).map((f) => f.rect.x)).size;
  const tableSeen = () => [...seen.values()].some((f) => f.rect.h > 300);
  for (let i = 0; i < 60 && (i < 16 || tabXs() < 5 || !tableSeen()); i++) await tab();
  const all = [...seen.values()];
  const tabs = all.filter(isTab);
  assert.equal(new Set(tabs.map((f) => f.rect.x)).size, 5, `the five panel tabs: ${JSON.stringify(all)}`);
  assert.ok(all.some((f) => f.rect.h > 300), 'the matrix table');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'Tab stays in the app');
  // the focus is drawn: ImGui's focus rectangle around the item
  // (in a screenshot after the frame that draws it: on a loaded machine a frame can take longer than a
  // fixed wait, so up to 20 presented frames are looked at; never drawn, it fails)
  let f = await page.evaluate(() => window.presslens.focus);
  let png, drawn = 0;
  for (let i = 0; i < 20 && drawn <= f.rect.w + f.rect.h; i++) {
    await framePresented(page);
    png = decodePng(await page.screenshot());
    drawn = focusPixels(png, f.rect);
  }
  assert.ok(drawn > (f.rect.w + f.rect.h), `the focus rectangle around ${JSON.stringify(f.rect)}`);
  // and is not there once the mouse is used (the same place, no focus colour)
  await clickRect(page, s.matrix[3][2].rect);
  s = await waitState(page, (s) => s.reader && s.reader.focus, 'the evidence open');
  await page.waitForFunction(() => !window.presslens.focus.shown);
  await page.mouse.move(5, 790);
  await page.waitForTimeout(200);
  png = decodePng(await page.screenshot());
  const none = focusPixels(png, f.rect);
  // with an article open, Tab reaches the reader's controls too (Escape first: the click put the
  // keyboard inside the matrix, where Tab walks its cells; Escape leaves it for the panels)
  await page.keyboard.press('Escape');
  const readerFocus = [];
  for (let i = 0; i < 20 && readerFocus.length === 0; i++) {
    f = await tab();
    if (f.window.includes('/reader')) readerFocus.push(f);
  }
  assert.ok(readerFocus.length > 0, `a reader control: ${JSON.stringify([...seen.keys()])}`);
  await page.waitForTimeout(100);
  const shot = await page.screenshot({ path: path.join(SHOT_DIR, 'focus-reader.png') });
  png = decodePng(shot);
  const there = focusPixels(png, readerFocus[0].rect);
  assert.ok(there > readerFocus[0].rect.w, `the focus drawn in the reader (${there} pixels)`);
  assert.ok(none < there / 4, `no focus drawn while the mouse is used (${none} vs ${there})`);
});
