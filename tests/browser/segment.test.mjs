// Real-browser test of Thai words in the page (docs/languages.md, "Words in scripts without
// spaces"): the segmenter's word tables come with the language data after the first frame. Until
// they arrive a Thai clause is one token; the re-analysis that runs when they do cuts it into
// dictionary words, and the word list reads as words. Checked through the state hook's words
// (the panel may draw Thai as boxes until the UI has a Thai font); the screen is saved too.
// The text is tests/language_samples.hpp's Thai sample.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, waitState, dropFiles, framePresented, SHOT_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

function thaiSample() {
  const src = fs.readFileSync(new URL('../language_samples.hpp', import.meta.url), 'utf8');
  const m = src.match(/\{"th",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}/);
  return [...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((p) => p[1]).join('');
}
const TEXT = thaiSample();
const thai = (t) => /\p{Script=Thai}/u.test(t);
const longest = (terms) => terms.reduce((a, t) => ([...t].length > [...a].length ? t : a), '');

test('a Thai word list is a clause per token before the word tables arrive, words after', async () => {
  let release;
  const { page, logs } = await openApp(env, {
    before: async (p) => {
      const gate = new Promise((r) => { release = r; });
      await p.route('**/presslens-languages.bin', async (route) => { await gate; await route.continue(); });
    },
  });
  let s = await waitState(page, (s) => s.detector === 'stopwords' && !s.loading, 'the first screen without the language data');
  const before = s.loads;
  await dropFiles(page, [{ name: 'th.txt', text: TEXT }]);
  s = await waitState(page, (s) => s.loads > before && !s.loading && s.article_count > 0, 'the Thai article');
  const i = s.articles.findIndex((a) => a.source === 'th.txt');
  assert.ok(i >= 0, 'the article is listed');
  await page.evaluate((i) => { window.location.hash = `#panel=words&scope=article:${i}`; }, i);
  s = await waitState(page, (s) => s.panel === 'words' && s.bars.some((b) => thai(b.term)), 'the word list, data held back');
  const clauses = s.bars.map((b) => b.term).filter(thai);
  // held back: a run of Thai is one token, so the list holds clauses ("พนักงานของแอมะซอนเขียนจดหมายถึงเจฟฟ์")
  assert.ok([...longest(clauses)].length > 20, `clauses before: ${clauses}`);

  release();
  s = await waitState(page, (s) => s.detector === 'cld2' && !s.loading && s.panel === 'words' &&
                      s.bars.some((b) => b.term === 'จดหมาย'), 'the word tables and the article analysed again', 30000);
  const words = s.bars.map((b) => b.term).filter(thai);
  assert.ok(words.length >= 10, `Thai words listed: ${words}`);
  for (const w of ['พนักงาน', 'เขียน', 'จดหมาย', 'บริษัท', 'ตำรวจ']) assert.ok(words.includes(w), `"${w}" in ${words}`);
  // the longest is a word, not a clause
  const l = longest(words);
  assert.ok([...l].length <= 12, `"${l}" is not a word: ${words}`);
  assert.ok(!words.some((w) => clauses.includes(w) && [...w].length > 12), 'no clause of before is left');
  assert.ok(!logs.some((x) => x.startsWith('[pageerror]')), logs.join('\n'));
  await framePresented(page);
  await page.screenshot({ path: path.join(SHOT_DIR, 'segment-thai-words.png') });
  await page.close();
});
