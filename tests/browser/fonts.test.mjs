// Real-browser tests of the panels' fonts (docs/accessibility.md, "Scripts in the app's panels"):
// none is part of the first load; a corpus whose titles and outlets are Greek, Arabic, Hebrew,
// Hindi, Chinese, Thai and Korean makes the page fetch those scripts' Noto fonts then, the atlas
// grows, and no character the panels draw is ImGui's fallback box (the state hook's count); a font
// that cannot be fetched is said in the status bar and the rest still loads. Screenshots of the
// article list and the word list are written to build/web/shots (looked at; copies in docs/).
// The texts are tests/language_samples.hpp's.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, languageSamples, waitState, dropFiles, assertNoCspViolations, SHOT_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

const SAMPLES = languageSamples();
// language, an outlet written in its script, the font the panels need for it
const SCRIPTS = [
  { code: 'el', outlet: 'Καθημερινή', font: 'noto-greek' },
  { code: 'ar', outlet: 'الجزيرة 24', font: 'noto-arabic' },
  { code: 'he', outlet: 'הארץ', font: 'noto-hebrew' },
  { code: 'hi', outlet: 'दैनिक भास्कर', font: 'noto-devanagari' },
  { code: 'zh', outlet: '人民日报', font: 'noto-cjk-sc' },
  { code: 'th', outlet: 'ไทยรัฐ', font: 'noto-thai' },
  { code: 'ko', outlet: '조선일보', font: 'noto-hangul' },
];
const FONTS = SCRIPTS.map((s) => s.font);
// the title: the text's first words (up to 48 characters)
const title = (text) => [...text].slice(0, 48).join('').replace(/\s+\S*$/, '');
const corpus = () => JSON.stringify({
  articles: SCRIPTS.map((s) => ({ text: SAMPLES[s.code], source: `${s.code}.txt`, outlet: s.outlet, title: title(SAMPLES[s.code]) })),
});
const fontRequests = (urls) => urls.filter((u) => /\/fonts\/|panelfont\.js/.test(u));

test('the samples are there', () => {
  for (const s of SCRIPTS) assert.ok(SAMPLES[s.code] && SAMPLES[s.code].length > 40, s.code);
});

test('the scripts\' fonts are fetched when the corpus first shows them, merged, and no glyph is a box', async () => {
  const urls = [];
  const { page, logs } = await openApp(env, { hash: '#panel=articles', before: async (p) => { p.on('request', (r) => urls.push(r.url())); } });
  let s = await waitState(page, (s) => !s.loading && s.article_count > 0, 'the first screen');
  // the default corpus is English: no font asked for, none fetched
  assert.deepEqual(fontRequests(urls), [], 'nothing of the fonts in the first load');
  assert.deepEqual(s.fonts.requested, []);
  assert.equal(s.fonts.missing_glyphs, 0);
  const glyphsBefore = s.fonts.atlas_glyphs, buildsBefore = s.fonts.builds, loadsBefore = s.loads;
  assert.ok(glyphsBefore > 300, `DejaVu's glyphs: ${glyphsBefore}`);

  await dropFiles(page, [{ name: 'scripts.json', text: corpus() }]);
  s = await waitState(page, (s) => s.loads > loadsBefore && !s.loading && FONTS.every((f) => s.fonts.loaded.includes(f)) &&
                      s.fonts.builds > buildsBefore, 'the seven fonts merged', 30000);
  // (the atlas is built once more after the last font arrived: wait for a settled count)
  s = await waitState(page, (s) => s.fonts.missing_glyphs === 0, 'no character without its glyph', 10000)
    .catch(async () => { throw new Error('missing glyphs: ' + JSON.stringify((await page.evaluate(() => window.presslens.state)).fonts)); });
  assert.equal(s.article_count, SCRIPTS.length);
  assert.deepEqual([...s.fonts.requested].sort(), [...FONTS].sort(), 'exactly the fonts of these scripts');
  assert.deepEqual(s.fonts.failed, []);
  assert.ok(s.fonts.chars > 150, `characters beyond DejaVu: ${s.fonts.chars}`);
  // the atlas holds them now: DejaVu's glyphs plus at least every character drawn
  assert.ok(s.fonts.atlas_glyphs >= glyphsBefore + s.fonts.chars, `atlas ${glyphsBefore} -> ${s.fonts.atlas_glyphs} (${s.fonts.chars} wanted)`);
  console.log(`# atlas: ${glyphsBefore} -> ${s.fonts.atlas_glyphs} glyphs (${s.fonts.chars} characters beyond DejaVu), ${s.fonts.atlas.join(' x ')} px`);
  // each font fetched once, from the page's origin, and only now
  for (const f of FONTS) assert.equal(urls.filter((u) => u.endsWith(`/fonts/${f}.woff`)).length, 1, `${f}.woff fetched once`);
  assert.equal(urls.filter((u) => u.endsWith('/panelfont.js')).length, 1, 'panelfont.js once');
  assert.equal(s.error, '');
  await assertNoCspViolations(page);
  assert.ok(!logs.some((l) => l.startsWith('[pageerror]')), logs.join('\n'));

  await page.waitForTimeout(200);
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOT_DIR, 'fonts-articles.png') });
  // the words of the corpus, then of the Arabic article with a word's concordance
  await page.evaluate(() => { window.location.hash = '#panel=words'; });
  s = await waitState(page, (s) => s.panel === 'words' && s.bars.length > 0, 'the word list');
  s = await waitState(page, (s) => s.fonts.missing_glyphs === 0, 'the word list drawn without boxes', 10000);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SHOT_DIR, 'fonts-words.png') });
  await page.evaluate(() => { window.location.hash = '#panel=words&scope=article:1&word=' + encodeURIComponent('الموظفون'); });
  s = await waitState(page, (s) => s.panel === 'words' && s.kwic.length > 0, 'the Arabic words and a concordance');
  s = await waitState(page, (s) => s.fonts.missing_glyphs === 0, 'the Arabic concordance drawn without boxes', 10000);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(SHOT_DIR, 'fonts-words-arabic.png') });
});

test('a script\'s font that cannot be fetched is said; its characters stay boxes, the others load', async () => {
  const { page } = await openApp(env, { hash: '#panel=articles' });
  await page.route('**/fonts/noto-thai.woff', (route) => route.fulfill({ status: 404, body: '' }));
  let s = await waitState(page, (s) => !s.loading && s.article_count > 0, 'the first screen');
  const loadsBefore = s.loads;
  await dropFiles(page, [{ name: 'scripts.json', text: corpus() }]);
  s = await waitState(page, (s) => s.loads > loadsBefore && s.fonts.failed.includes('noto-thai') &&
                      FONTS.filter((f) => f !== 'noto-thai').every((f) => s.fonts.loaded.includes(f)), 'six fonts and a failure', 30000);
  // (the language module's news may share the status bar)
  assert.match(s.notice, /(^|; )Thai characters show as boxes: the font noto-thai did not load \(fonts\/noto-thai\.woff: HTTP 404\)(;|$)/);
  s = await waitState(page, (s) => s.fonts.missing_glyphs > 0 && s.fonts.builds > 1, 'the Thai characters counted as boxes');
  const thai = new Set([...(title(SAMPLES.th) + 'ไทยรัฐ')].filter((c) => c >= '\u0e00' && c <= '\u0e7f'));
  assert.ok(s.fonts.missing_glyphs >= thai.size && s.fonts.missing_glyphs < s.fonts.chars,
            `missing ${s.fonts.missing_glyphs}: the Thai characters (at least ${thai.size}), not the others (${s.fonts.chars})`);
  assert.equal(s.article_count, SCRIPTS.length);
  assert.equal(s.error, '');
});
