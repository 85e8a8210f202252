// Real-browser tests of the reader's text layer (shell/mirror.js, docs/accessibility.md): the
// open article is page text over the canvas, so find-in-page finds it, the mouse selects it and
// Ctrl+C copies it; its lines sit where the canvas drew them (at DPR 1 and 2) and scroll with
// the reader; scripts the canvas cannot shape (Arabic, Chinese, Hindi) are drawn by the browser.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, state, waitState, clickRect, dropFiles, SHOT_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

const cellsReady = (s) => s.matrix.length === 5 && s.matrix.every((row) => row.every((c) => c.rect));
const EVIDENCE = 'Implement strong transparency and accountability';

// The text layer holds the open article (the one the app says is open) and is shown.
async function layerReady(page) {
  await page.waitForFunction(() => {
    const L = window.presslens.textLayer.current(), s = window.presslens.state;
    return L && s && s.selected === L.article && !document.getElementById('textlayer').hidden &&
      document.querySelectorAll('#textcontent .tl-line').length === L.lines.length && L.lines.length > 0;
  }, null, { timeout: 5000 });
}

// Opens CNET's D3 cell: the article with its evidence sentence focused and in view.
async function openEvidence(page) {
  let s = await waitState(page, cellsReady, 'matrix cells on screen');
  await clickRect(page, s.matrix[3][2].rect);
  s = await waitState(page, (s) => s.reader && s.reader.focus && s.reader.focus_rect && s.reader.focus_rect.y > 0, 'the evidence in the reader');
  await layerReady(page);
  await page.waitForFunction(() => window.presslens.textLayer.current().focus[1] > 0);
  return s;
}

// The union of a byte range's boxes in the layer, in CSS pixels.
const rangeBox = (page, b, e) => page.evaluate(([b, e]) => {
  const r = window.presslens.textLayer.rangeOf(b, e);
  if (!r) return null;
  const rects = Array.from(r.getClientRects()).filter((x) => x.width > 0);
  return { x0: Math.min(...rects.map((x) => x.left)), y0: Math.min(...rects.map((x) => x.top)),
           x1: Math.max(...rects.map((x) => x.right)), y1: Math.max(...rects.map((x) => x.bottom)) };
}, [b, e]);

// The focused sentence as the canvas drew it (the app's rect) and as the layer placed it agree.
async function assertFocusAligned(page, what) {
  const s = await state(page);
  const [b, e] = await page.evaluate(() => window.presslens.textLayer.current().focus);
  const box = await rangeBox(page, b, e);
  const r = s.reader.focus_rect;
  assert.ok(box, `${what}: the sentence is in the layer`);
  const d = [box.x0 - r.x, box.y0 - r.y, box.x1 - (r.x + r.w), box.y1 - (r.y + r.h)];
  assert.ok(d.every((v) => Math.abs(v) <= 3), `${what}: layer box ${JSON.stringify(box)} vs canvas ${JSON.stringify(r)} (off by ${d.map((v) => v.toFixed(1))})`);
}

test('an opened article is page text: find-in-page finds it and selects it in the reader', async () => {
  const { page } = await openApp(env);
  await waitState(page, cellsReady, 'matrix cells on screen');
  // before an article is open its sentences are nowhere in the page
  assert.equal(await page.evaluate((t) => window.find(t), EVIDENCE), false);
  await openEvidence(page);
  assert.ok((await page.locator('#textlayer').innerText()).includes(EVIDENCE));
  assert.equal(await page.evaluate(() => document.getElementById('textcontent').lang), 'en', 'the article\'s language');
  const found = await page.evaluate((t) => {
    document.getSelection().removeAllRanges();
    const ok = window.find(t);
    const sel = document.getSelection();
    return { ok, inLayer: document.getElementById('textlayer').contains(sel.anchorNode), text: sel.toString() };
  }, EVIDENCE);
  assert.deepEqual(found, { ok: true, inLayer: true, text: EVIDENCE });
  // the find's selection is the reader's selection: those bytes of the article
  const s = await waitState(page, (s) => s.reader.text_selection[1] > s.reader.text_selection[0], 'the selection in the app');
  const [b, e] = s.reader.text_selection;
  assert.equal(e - b, Buffer.byteLength(EVIDENCE));
  assert.equal(await page.evaluate(([b, e]) => window.presslens.textLayer.textOf(b, e), [b, e]), EVIDENCE);
});

for (const dpr of [1, 2]) {
  test(`the layer's text lies over the canvas's (DPR ${dpr})`, async () => {
    const { page } = await openApp(env, { dpr });
    await openEvidence(page);
    await assertFocusAligned(page, `DPR ${dpr}`);
    // every transparent line is as wide as the canvas drew it
    const widths = await page.evaluate(() => {
      const L = window.presslens.textLayer.current();
      return Array.from(document.querySelectorAll('#textcontent .tl-line')).map((d, i) => [d.getBoundingClientRect().width, L.lines[i][4]]);
    });
    assert.ok(widths.length > 10);
    for (const [dom, canvas] of widths) assert.ok(Math.abs(dom - canvas) < 1, `line width ${dom} vs ${canvas}`);
    await page.screenshot({ path: path.join(SHOT_DIR, `textlayer-dpr${dpr}.png`) });
  });
}

test('a mouse drag selects the text and Ctrl+C copies it', async () => {
  const { page } = await openApp(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await openEvidence(page);
  const line = await page.evaluate(() => {
    // a long line in view
    const clip = document.getElementById('textlayer').getBoundingClientRect();
    const d = Array.from(document.querySelectorAll('#textcontent .tl-line')).find((d) => {
      const r = d.getBoundingClientRect();
      return r.top > clip.top && r.bottom < clip.bottom && r.width > clip.width * 0.6;
    });
    const r = d.getBoundingClientRect();
    return { x0: r.left + 1, x1: r.right - 1, y: r.top + r.height / 2, b: Number(d.dataset.b), e: Number(d.dataset.e) };
  });
  await page.mouse.move(line.x0, line.y);
  await page.mouse.down();
  await page.mouse.move((line.x0 + line.x1) / 2, line.y, { steps: 4 });
  await page.mouse.move(line.x1, line.y, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => document.getSelection().toString());
  assert.ok(selected.trim().length > 20, `a line is selected: "${selected}"`);
  const s = await waitState(page, (s) => s.reader.text_selection[1] > s.reader.text_selection[0], 'the selection in the app');
  const [b, e] = s.reader.text_selection;
  assert.ok(b >= line.b && e <= line.e, `the selection [${b}, ${e}) is in the line [${line.b}, ${line.e})`);
  assert.equal(await page.evaluate(([b, e]) => window.presslens.textLayer.textOf(b, e), [b, e]), selected);
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.keyboard.press('Control+c');
  await page.waitForFunction((want) => navigator.clipboard.readText().then((t) => t === want), selected, { timeout: 3000 });
  // a selection across an article's line break copies the break (not the layer's wrapping)
  const two = await page.evaluate(() => {
    const L = window.presslens.textLayer.current();
    const i = L.lines.findIndex((l, k) => k > 0 && l[0] !== L.lines[k - 1][1]);  // a new paragraph
    const r = window.presslens.textLayer.rangeOf(L.lines[i - 1][0], L.lines[i][1]);
    document.getSelection().removeAllRanges();
    document.getSelection().addRange(r);
    return { want: L.lines[i - 1][6] + '\n' + L.lines[i][6] };
  });
  await page.keyboard.press('Control+c');
  await page.waitForFunction((want) => navigator.clipboard.readText().then((t) => t === want), two.want, { timeout: 3000 });
});

test('the layer scrolls with the reader, and find-in-page scrolls the reader', async () => {
  const { page } = await openApp(env, { height: 600 });
  await openEvidence(page);
  await page.evaluate(() => document.getSelection().removeAllRanges());
  // the wheel over the text is the reader's: it scrolls and the layer follows
  let s = await state(page);
  const before = s.reader.scroll;
  const box = await page.locator('#textlayer').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -200);  // up: the evidence is near the article's end
  s = await waitState(page, (s) => Math.abs(s.reader.scroll - before) > 20, 'the reader scrolled by the wheel');
  await page.waitForFunction((y) => Math.abs(document.getElementById('textlayer').scrollTop - y) < 1, s.reader.scroll, { timeout: 3000 });
  await waitState(page, (s) => s.reader.focus_rect, 'the focus drawn');
  await assertFocusAligned(page, 'after the wheel');
  // find-in-page brings the last line into view: the reader follows the layer
  const last = await page.evaluate(() => {
    const L = window.presslens.textLayer.current();
    return L.lines[L.lines.length - 1][6].trim();
  });
  const scrollBefore = (await state(page)).reader.scroll;
  assert.ok(await page.evaluate((t) => window.find(t), last), `found "${last}"`);
  s = await waitState(page, (s) => s.reader.scroll > scrollBefore + 50, 'the reader scrolled to the found line');
  const top = await page.evaluate(() => document.getElementById('textlayer').scrollTop);
  assert.ok(Math.abs(top - s.reader.scroll) < 2, `layer ${top} and reader ${s.reader.scroll} in step`);
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0, 'the page itself did not scroll');
});

// Widths of a word as the browser shapes it and of its letters each alone, in the layer's font.
const shaping = (page, word) => page.evaluate((word) => {
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;white-space:pre;font-size:32px';
  document.getElementById('textcontent').appendChild(probe);
  probe.textContent = word;
  const joined = probe.getBoundingClientRect().width;
  let apart = 0;
  for (const ch of Array.from(word)) { probe.textContent = ch; apart += probe.getBoundingClientRect().width; }
  probe.remove();
  return { joined, apart };
}, word);

test('Arabic, Chinese and Hindi articles are drawn by the browser: right to left, joined, conjuncts formed', async () => {
  const { page, requests } = await openApp(env, { hash: '#panel=articles' });
  const names = ['arabic_news.txt', 'chinese_news.txt', 'hindi_news.txt'];
  await dropFiles(page, names.map((n) => ({ name: n, text: fs.readFileSync(path.join('tests/fixtures', n), 'utf8') })));
  const checks = {
    'arabic_news.txt': { dir: 'rtl', word: 'بيزوس', font: 'noto-arabic.woff', family: 'Presslens Arabic' },
    'chinese_news.txt': { dir: 'ltr', word: '亚马逊', font: 'noto-cjk-sc.woff', family: 'Presslens CJK' },
    'hindi_news.txt': { dir: 'ltr', word: 'कर्मचारियों', font: 'noto-devanagari.woff', family: 'Presslens Devanagari' },
  };
  for (const name of names) {
    const s = await waitState(page, (s) => s.articles.some((a) => a.source === name && a.rect), `the row of ${name}`, 10000);
    await clickRect(page, s.articles.find((a) => a.source === name).rect);
    await waitState(page, (s) => s.reader && s.reader.source === name, `${name} open`);
    await layerReady(page);
    const c = checks[name];
    await page.waitForFunction((family) => document.fonts.check(`16px "${family}"`), c.family, { timeout: 5000 });
    const lines = await page.evaluate((word) => Array.from(document.querySelectorAll('#textcontent .tl-page')).map((d) => ({
      dir: getComputedStyle(d).direction, colour: getComputedStyle(d).color, text: d.textContent,
      has: d.textContent.includes(word),
    })), c.word);
    assert.ok(lines.length >= 3, `${name}: its lines are page text (${lines.length})`);
    const body = lines.filter((l) => l.has);
    assert.ok(body.length > 0, `${name}: "${c.word}" is on the page`);
    // a line that starts in the script (not "Title: ...") runs in its direction
    const own = body.filter((l) => !/^[A-Za-z]/.test(l.text.trim()));
    assert.ok(own.length > 0 && own.every((l) => l.dir === c.dir), `${name}: direction ${JSON.stringify(own.map((l) => l.dir))}`);
    assert.notEqual(own[0].colour, 'rgba(0, 0, 0, 0)', `${name}: the text is visible`);
    assert.ok(requests.some((u) => u.endsWith('/fonts/' + c.font)), `${name}: ${c.font} fetched when the script appeared`);
    const w = await shaping(page, c.word);
    if (name === 'chinese_news.txt') {
      // the app's own panels draw the Chinese title: the font was merged into the canvas's atlas,
      // so the reader's title line is the canvas's (transparent in the layer), not the page's
      await page.waitForFunction(() => (window.presslens.fontFiles['noto-cjk-sc'] || {}).taken === true, null, { timeout: 10000 });
      await page.waitForFunction(() => Array.from(document.querySelectorAll('#textcontent .tl-line'))
        .some((d) => d.textContent === '亚马逊员工致信贝索斯' && !d.classList.contains('tl-page')), null, { timeout: 5000 });
      // ideographs are not shaped: a word is as wide as its characters
      assert.ok(Math.abs(w.joined - w.apart) < 1, `${name}: ${JSON.stringify(w)}`);
    } else {
      // joined letters and conjuncts have other widths than the same letters alone
      assert.ok(Math.abs(w.joined - w.apart) > 4, `${name}: shaped ${JSON.stringify(w)}`);
    }
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(SHOT_DIR, `textlayer-${name.replace('_news.txt', '')}.png`) });
  }
  // a Latin article again: its lines are transparent, over the canvas's glyphs
  const s = await state(page);
  await clickRect(page, s.articles[0].rect);
  await waitState(page, (s) => s.selected === 0, 'the first article');
  await layerReady(page);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#textcontent .tl-page').length), 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#textcontent .tl-line')).color), 'rgba(0, 0, 0, 0)');
});

test('a font for the panels that cannot be fetched is said, not a failure', async () => {
  const { page } = await openApp(env, { hash: '#panel=articles' });
  await page.route('**/fonts/noto-cjk-sc.woff', (route) => route.fulfill({ status: 404, body: '' }));
  await dropFiles(page, [{ name: 'chinese_news.txt', text: fs.readFileSync('tests/fixtures/chinese_news.txt', 'utf8') }]);
  // (the language module's news may share the status bar: "…; Languages: CLD2 arrived …")
  const s = await waitState(page, (s) => /(^|; )Chinese and Japanese characters show as boxes: the font noto-cjk-sc did not load \(fonts\/noto-cjk-sc\.woff: HTTP 404\)(;|$)/.test(s.notice),
                            'the notice', 10000);
  assert.equal(s.article_count, 6);
  assert.equal(s.error, '');
});
