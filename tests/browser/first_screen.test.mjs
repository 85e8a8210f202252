// Real-browser test of the first screen: five articles listed, the Dutch title right, a click
// in the canvas opens the reader, idle frames stop, and the page requests nothing off-origin.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, state, waitState, clickRect, SHOT_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

test('lists the five default articles and opens one on click', async () => {
  const { page, requests } = await openApp(env, { hash: '#panel=articles' });
  const s = await waitState(page, (s) => s.articles.length === 5 && s.articles.every((a) => a.rect), 'article rows');
  assert.equal(s.articles.length, 5);
  const dutch = s.articles.find((a) => a.language === 'nl');
  assert.ok(dutch, 'a Dutch article is listed');
  assert.equal(dutch.source, '000_f08923bbbf1d2df1.txt');
  assert.match(dutch.title, /^Vorige week schreven aandeelhouders van Amazon een open brief/);
  assert.deepEqual(s.articles.map((a) => a.language), ['nl', 'en', 'en', 'en', 'en']);
  assert.equal(s.articles[4].title, 'Amazon workers refuse to build technology for ICE, citing IBM’s work with Hitler');
  assert.equal(s.selected, -1);

  const metro = s.articles[4];
  await clickRect(page, metro.rect);
  const after = await waitState(page, (s) => s.selected === 4, 'the Metro US article selected');
  assert.equal(after.reader.source, '004_e1f5e114635ddeb0.txt');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'first-screen.png') });

  const origin = new URL(env.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves the page origin');
  await page.close();
});

test('idle frames cost nothing: no frames are drawn without input', async () => {
  const { page } = await openApp(env);
  // the language module arrives after the first frame and the corpus is analysed again: frames
  await waitState(page, (s) => s.detector === 'cld2' && !s.loading, 'the language module', 30000);
  await page.waitForTimeout(500);
  const f1 = (await state(page)).frame;
  await page.waitForTimeout(1000);
  const f2 = (await state(page)).frame;
  assert.equal(f2, f1, `frames drawn while idle: ${f2 - f1}`);
  await page.mouse.move(200, 200);
  await page.mouse.move(220, 210);
  await waitState(page, (s) => s.frame > f2, 'a frame after input');
  await page.close();
});

test('crisp at DPR 2: the canvas backing store is twice the CSS size', async () => {
  const { page } = await openApp(env, { width: 1024, height: 640, dpr: 2, hash: '#panel=articles' });
  const dims = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
  });
  assert.equal(dims.cw, 1024);
  assert.equal(dims.w, 2048);
  assert.equal(dims.h, 1280);
  const s = await waitState(page, (s) => s.articles.length === 5 && s.articles.every((a) => a.rect), 'rows at DPR 2');
  await clickRect(page, s.articles[0].rect);
  await waitState(page, (s) => s.selected === 0, 'the Dutch article selected at DPR 2');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'first-screen-dpr2.png') });
  await page.close();
});

test('follows the window size', async () => {
  const { page } = await openApp(env, { width: 1280, height: 800 });
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForTimeout(300);
  const dims = await page.evaluate(() => ({ w: document.getElementById('canvas').width, h: document.getElementById('canvas').height }));
  assert.deepEqual(dims, { w: 1000, h: 700 });
  await page.close();
});
