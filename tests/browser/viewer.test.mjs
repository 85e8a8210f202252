// Real-browser tests of the viewer's panels: a matrix cell opens its evidence sentence in the
// reader, a word's bar opens its concordance and a concordance line the reader, and the URL hash
// holds the view (a copied link reopens it; back returns to the previous view).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, state, waitState, clickRect, SHOT_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

const cellsReady = (s) => s.matrix.length === 5 && s.matrix.every((row) => row.every((c) => c.rect));

test('a matrix cell opens the sentence that proves it, highlighted in the reader', async () => {
  const { page } = await openApp(env);
  let s = await waitState(page, cellsReady, 'matrix cells on screen');
  assert.equal(s.panel, 'matrix');
  assert.deepEqual(s.codes.slice(0, 3), ['D1', 'D2', 'D3']);
  // every outlet reports D1 and D2; only CNET and Metro US report D3
  assert.deepEqual(s.matrix.map((row) => row[0].hits > 0), [true, true, true, true, true]);
  assert.deepEqual(s.matrix.map((row) => row[2].hits > 0), [false, false, false, true, true]);
  assert.equal(s.outlets[3], 'CNET');
  await clickRect(page, s.matrix[3][2].rect);
  // the sentence is scrolled into view inside the reader (right half of the window)
  const inView = (r) => r && r.x > 640 && r.y > 0 && r.y + r.h < 800;
  s = await waitState(page, (s) => s.reader && s.reader.focus && inView(s.reader.focus_rect), 'the evidence in view in the reader');
  assert.equal(s.reader.source, '003_e9d2b8b8e93679c1.txt');
  assert.equal(s.reader.focus_code, 'D3');
  assert.match(s.reader.focus, /^Implement strong transparency and accountability measures/);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'matrix-cell-evidence.png') });

  // the link holds the view: a new page with the same hash shows the same sentence
  const hash = await page.evaluate(() => window.location.hash);
  assert.match(hash, /panel=matrix/);
  assert.match(hash, /cell=3,2/);
  const again = await openApp(env, { hash });
  const s2 = await waitState(again.page, (s) => s.reader && s.reader.focus, 'the linked view');
  assert.equal(s2.reader.focus, s.reader.focus);
  assert.equal(s2.panel, 'matrix');
  await again.page.close();

  // back returns to the view before the click: no article open
  await page.goBack();
  await waitState(page, (s) => s.selected === -1, 'back to the matrix without an article');
  await page.goForward();
  await waitState(page, (s) => s.reader && s.reader.focus_code === 'D3', 'forward to the evidence again');
  await page.close();
});

test('papercuts: an empty cell explains itself in the reader; a new article opens at its top; Copy sentence says so', async () => {
  const { page } = await openApp(env);
  let s = await waitState(page, cellsReady, 'matrix cells on screen');
  // CNET's D3 evidence is far down its article: the reader scrolls there
  await clickRect(page, s.matrix[3][2].rect);
  s = await waitState(page, (s) => s.reader && s.reader.focus && s.reader.scroll > 100, 'the reader scrolled to the evidence');
  await clickRect(page, s.menu['Reader/Copy sentence']);
  s = await waitState(page, (s) => /^Copied the sentence \(\d+ bytes\)$/.test(s.copied), 'the copy acknowledged');
  // an empty cell: the reader shows why, in place of an unrelated article
  assert.equal(s.matrix[0][2].state, 'not_reported');
  await clickRect(page, s.matrix[0][2].rect);
  s = await waitState(page, (s) => s.explain_cell && s.menu['Reader/why empty'], 'the explanation in the reader');
  assert.equal(s.copied, '');
  assert.ok(s.selected === -1 || s.reader.source === s.articles[0].source, 'no unrelated article stays open');
  await page.mouse.move(5, 795);  // no tooltip: the explanation stays
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'matrix-empty-cell-explained.png') });
  // a new article from the list opens at its top
  await clickRect(page, s.matrix[3][2].rect);
  await waitState(page, (s) => s.reader && s.reader.scroll > 100 && !s.explain_cell, 'scrolled down again');
  await page.evaluate(() => { window.location.hash = '#panel=articles'; });
  s = await waitState(page, (s) => s.panel === 'articles' && s.articles[4].rect, 'the article list');
  await clickRect(page, s.articles[4].rect);
  s = await waitState(page, (s) => s.selected === 4 && s.reader.scroll === 0, 'the new article at its top');
  await page.close();
});

test('the concordance follows the Scope: one outlet\'s lines only', async () => {
  const { page } = await openApp(env, { hash: '#panel=words&scope=outlet:3&word=amazon' });
  const s = await waitState(page, (s) => s.word === 'amazon' && s.kwic.length > 0, 'the scoped concordance');
  const cnet = s.outlets.indexOf('CNET');
  assert.equal(cnet, 3);
  assert.ok(s.kwic.every((k) => k.article === 3), JSON.stringify(s.kwic.map((k) => k.article)));
  await page.close();
});

test('a word bar opens its concordance, a concordance line opens the reader there', async () => {
  const { page } = await openApp(env, { hash: '#panel=words' });
  let s = await waitState(page, (s) => s.panel === 'words' && s.bars.length === 30 && s.bars.every((b) => b.rect), 'the bar chart');
  assert.equal(s.bars[0].term, 'amazon');
  const bar = s.bars.find((b) => b.term === 'palantir');
  assert.ok(bar, 'palantir is in the top 30');
  await clickRect(page, bar.rect);
  s = await waitState(page, (s) => s.word === 'palantir' && s.kwic.length > 0 && s.kwic.every((k) => k.rect), 'the concordance');
  assert.equal(s.kwic.length, bar.count);
  assert.ok(s.kwic.every((k) => k.keyword.toLowerCase() === 'palantir'));
  const line = s.kwic[3];
  await clickRect(page, line.rect);
  s = await waitState(page, (s) => s.selected === line.article && s.reader.focus, 'the reader at the concordance line');
  assert.match(s.reader.focus, /Palantir/);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'words-concordance.png') });
  assert.match(await page.evaluate(() => decodeURIComponent(window.location.hash)), /word=palantir/);
  await page.close();
});

test('a hash that does not fit the corpus is ignored, not trusted', async () => {
  const { page } = await openApp(env, { hash: '#panel=words&article=999&cell=77,1&focus=5-2&scope=outlet:9' });
  const s = await waitState(page, (s) => s.panel === 'words' && s.bars.length > 0, 'the words panel');
  assert.equal(s.selected, -1);
  assert.equal(s.bars[0].term, 'amazon');  // the whole corpus, not outlet 9
  await page.close();
});

test('keyboard: arrows move through the article list and the matrix, Esc closes a menu', async () => {
  const { page } = await openApp(env, { hash: '#panel=articles' });
  let s = await waitState(page, (s) => s.panel === 'articles' && s.articles.every((a) => a.rect), 'article rows');
  await clickRect(page, s.articles[0].rect);
  await waitState(page, (s) => s.selected === 0, 'the first article selected');
  await page.keyboard.press('ArrowDown');
  s = await waitState(page, (s) => s.selected === 1, 'ArrowDown selects the next article');
  assert.equal(s.reader.source, s.articles[1].source);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await waitState(page, (s) => s.selected === 1, 'ArrowDown then ArrowUp comes back');

  // the matrix: arrows move from cell to cell, opening each one's evidence
  await page.evaluate(() => { window.location.hash = '#panel=matrix'; });
  s = await waitState(page, (s) => s.panel === 'matrix' && s.matrix.every((r) => r.every((c) => c.rect)), 'the matrix');
  await clickRect(page, s.matrix[3][0].rect);
  await page.waitForFunction(() => /cell=3,0/.test(window.location.hash));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /cell=3,1/.test(window.location.hash), null, { timeout: 5000 });
  s = await waitState(page, (s) => s.reader && s.reader.focus_code === 'D2', 'the D2 evidence of CNET');
  assert.equal(s.reader.source, '003_e9d2b8b8e93679c1.txt');

  // Esc closes an open menu
  await clickRect(page, s.menu.File);
  await waitState(page, (s) => s.menu['File/Open files'], 'the File menu open');
  await page.keyboard.press('Escape');
  await waitState(page, (s) => !s.menu['File/Open files'], 'Esc closed the menu');
  await page.close();
});

test('clipboard and typing: Ctrl+C reaches the system clipboard, Ctrl+V pastes from it, accents arrive', async () => {
  const { page } = await openApp(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await waitState(page, (s) => s.menu && s.menu.File, 'the app');
  await page.keyboard.press('Control+F');  // to the article filter
  const f0 = (await waitState(page, (s) => s.panel === 'articles', 'the articles panel')).frame;
  // the shortcut activates the filter box in the frame that draws the panel, and the box takes
  // keys from the frame after: wait for frames, not for time (a slow machine lost keys at 100 ms)
  await waitState(page, (s) => s.frame >= f0 + 2, 'two frames with the articles panel');
  await page.keyboard.type('Metro');
  let s = await waitState(page, (s) => s.filter === 'Metro', 'typed filter');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'Metro', null, { timeout: 5000 });
  // paste replaces the selection with what the system clipboard holds
  await page.evaluate(() => navigator.clipboard.writeText('CNET'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  s = await waitState(page, (s) => s.filter === 'CNET', 'the pasted filter');
  // an accent typed with a dead key: Chrome sends the dead key's keydown (key "Dead", no text),
  // then one keydown for the next key carrying the composed character; replay that sequence
  await page.keyboard.press('Control+A');
  await page.keyboard.type('priv');
  const cdp = await page.context().newCDPSession(page);
  const key = (type, o) => cdp.send('Input.dispatchKeyEvent', { type, ...o });
  await key('rawKeyDown', { key: 'Dead', code: 'Quote', windowsVirtualKeyCode: 222 });
  await key('keyUp', { key: 'Dead', code: 'Quote', windowsVirtualKeyCode: 222 });
  await key('keyDown', { key: 'é', code: 'KeyE', text: 'é', unmodifiedText: 'é', windowsVirtualKeyCode: 69 });
  await key('keyUp', { key: 'é', code: 'KeyE', windowsVirtualKeyCode: 69 });
  s = await waitState(page, (s) => s.filter === 'privé', 'an accented character in the filter');
  await page.close();
});
