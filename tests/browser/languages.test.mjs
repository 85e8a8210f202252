// Real-browser tests of the page's languages (docs/languages.md): the language module (CLD2,
// presslens-cld2.wasm, and presslens-languages.bin) arrives after the first frame, the corpus is
// analysed again with it keeping the view and the languages set in metadata, a Chinese word list
// reads as words, and a failed fetch leaves the nine-language identifier working with a message.
// The texts are tests/language_samples.hpp's (the unit tests' and the benchmark's).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, languageSamples, waitState, dropFiles, framePresented, assertNoCspViolations, SHOT_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

const SAMPLES = languageSamples();
// Eight outside the nine of the stopword identifier, in eight scripts and families.
const CODES = ['sv', 'cs', 'uk', 'el', 'tr', 'zh', 'ar', 'hi'];
// The Ukrainian article's metadata says Russian: the user's word stands after CLD2 arrives.
const corpus = () => JSON.stringify({
  articles: CODES.map((code) => ({
    text: SAMPLES[code], source: `${code}.txt`, outlet: `Wire ${code.toUpperCase()}`, title: `Amazon staff (${code})`,
    ...(code === 'uk' ? { language: 'ru' } : {}),
  })),
});
const expected = CODES.map((c) => (c === 'uk' ? 'ru' : c));

// Holds the language data's download until release() (the module arrives when the test says).
async function gateLanguageData(page) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/presslens-languages.bin', async (route) => { await gate; await route.continue(); });
  return release;
}

test('the texts are all there (tests/language_samples.hpp parsed)', () => {
  for (const c of CODES) assert.ok(SAMPLES[c] && SAMPLES[c].length > 40, `sample ${c}`);
});

test('CLD2 arrives after the first frame; the corpus is analysed again with its languages, the view and metadata kept', async () => {
  let release;
  const { page, logs } = await openApp(env, { before: async (p) => { release = await gateLanguageData(p); } });
  let s = await waitState(page, (s) => s.detector === 'stopwords' && !s.loading, 'the first screen without CLD2');
  const before = s.loads;
  await dropFiles(page, [{ name: 'eight.json', text: corpus() }]);
  s = await waitState(page, (s) => s.loads > before && !s.loading && s.article_count === CODES.length, 'the eight articles');
  assert.equal(s.detector, 'stopwords', 'the data is held back: no CLD2 yet');
  // the nine-language identifier cannot name these: Greek, Chinese, Arabic, Hindi are unknown
  const without = s.articles.map((a) => a.language);
  for (const c of ['el', 'zh', 'ar', 'hi']) assert.equal(without[CODES.indexOf(c)], 'unknown', `${c} before CLD2: ${without}`);
  assert.equal(without[CODES.indexOf('uk')], 'ru', 'the metadata language');
  // a view to keep: the Swedish article open in the reader, a word's concordance
  await page.evaluate(() => { window.location.hash = '#panel=articles&article=0&word=amazon'; });
  s = await waitState(page, (s) => s.panel === 'articles' && s.selected === 0 && s.word === 'amazon' && s.kwic.length > 0, 'the view');
  const kwicBefore = s.kwic.length;

  release();
  s = await waitState(page, (s) => s.detector === 'cld2' && !s.loading && /Languages: CLD2 arrived/.test(s.notice),
                      'CLD2 and the corpus analysed again', 30000);
  assert.deepEqual(s.articles.map((a) => a.language), expected, s.notice);
  assert.match(s.notice, /8 articles analysed again/);
  assert.equal(s.panel, 'articles');
  assert.equal(s.selected, 0);
  assert.equal(s.word, 'amazon');
  assert.equal(s.kwic.length, kwicBefore, 'the concordance follows the word');
  assert.equal(s.loads, before + 1, 'analysing again is not a load');
  assert.equal(s.error, '');
  await assertNoCspViolations(page);
  assert.ok(!logs.some((l) => l.startsWith('[pageerror]') || l.includes('presslens-cld2')), logs.join('\n'));

  // the articles list with these languages, looked at
  await page.evaluate(() => { window.location.hash = '#panel=articles'; });
  await waitState(page, (s) => s.panel === 'articles' && s.articles.every((a) => a.rect), 'the list on screen');
  await framePresented(page);
  await page.screenshot({ path: path.join(SHOT_DIR, 'languages-articles.png') });

  // a load after it names languages with CLD2 at once (no second analysis)
  await dropFiles(page, [{ name: 'da.txt', text: SAMPLES.da }]);
  s = await waitState(page, (s) => s.article_count === CODES.length + 1 && !s.loading, 'the Danish article');
  assert.equal(s.articles[CODES.length].language, 'da');
  await page.close();
});

test('the Chinese word list reads as words', async () => {
  const { page } = await openApp(env);
  let s = await waitState(page, (s) => s.detector === 'cld2' && !s.loading, 'CLD2', 30000);
  const before = s.loads;
  await dropFiles(page, [{ name: 'eight.json', text: corpus() }]);
  s = await waitState(page, (s) => s.loads > before && !s.loading && s.article_count === CODES.length, 'the eight articles');
  const zh = CODES.indexOf('zh');
  assert.equal(s.articles[zh].language, 'zh');
  await page.evaluate((i) => { window.location.hash = `#panel=words&scope=article:${i}`; }, zh);
  s = await waitState(page, (s) => s.panel === 'words' && s.bars.length > 0, 'the Chinese word list');
  const terms = s.bars.map((b) => b.term);
  const han = terms.filter((t) => /\p{Script=Han}/u.test(t));
  assert.ok(han.length >= 5, `Chinese words listed: ${terms}`);
  // a word, not a clause: at most four characters (the "亚马逊员工致信贝索斯" was one "word")
  for (const t of han) assert.ok([...t].length <= 4, `"${t}" is not a word: ${terms}`);
  assert.ok(!terms.includes('亚马逊员工致信贝索斯'));
  await page.close();
});

test('a failed download of the language data leaves the page working, with the nine languages and a message', async () => {
  const { page, logs } = await openApp(env, {
    before: (p) => p.route('**/presslens-languages.bin', (route) => route.fulfill({ status: 404, body: 'not here' })),
  });
  let s = await waitState(page, (s) => /language module did not load/.test(s.notice), 'the message', 30000);
  assert.match(s.notice, /Languages: only the nine of the stopword identifier .*presslens-languages\.bin: HTTP 404/);
  assert.equal(s.detector, 'stopwords');
  assert.equal(s.error, '');
  assert.equal(await page.evaluate(() => window.presslens.error || null), null);
  // the nine-language identifier goes on: Dutch and German are named, Greek is not
  const before = s.loads;
  await dropFiles(page, [{ name: 'nl.txt', text: SAMPLES.nl }, { name: 'de.txt', text: SAMPLES.de }, { name: 'el.txt', text: SAMPLES.el }]);
  s = await waitState(page, (s) => s.loads > before && !s.loading, 'the three articles');
  const lang = Object.fromEntries(s.articles.map((a) => [a.source, a.language]));
  assert.equal(lang['nl.txt'], 'nl');
  assert.equal(lang['de.txt'], 'de');
  assert.equal(lang['el.txt'], 'unknown');
  assert.ok(!logs.some((l) => l.startsWith('[pageerror]')), logs.join('\n'));
  await page.screenshot({ path: path.join(SHOT_DIR, 'languages-failed.png') });
  await page.close();
});
