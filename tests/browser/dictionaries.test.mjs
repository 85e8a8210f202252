// The dictionaries in the browser (issue 17): an English-only claim over German and Spanish
// articles. Opening the Codebook panel lists the corpus's own suggestions at once and asks the
// suggestion worker (shell/suggest.js, presslens-suggest.wasm) for dictionary translations; while
// the tables are fetched the panel says so; the translations arrive (ones the corpus cannot make:
// "pensions" -> "Renten"), one is accepted and the matrix changes. A table that does not load leaves
// the corpus's suggestions and names the table and the HTTP status. The worker gets the corpus
// once per corpus: a codebook edit sends it only the codebook. Screenshots in build/web/shots.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, waitState, clickRect, dropFiles, SHOT_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

const matrixReady = (n) => (s) => s.matrix.length === n && s.matrix.every((row) => row.every((c) => c.rect)) && !s.loading;
const CODEBOOK = JSON.stringify({ name: 'Pay', codes: [{ id: 'P1', label: 'Higher pensions demanded',
  rules: [{ id: 'P1-en', lang: 'en', any: ['pensions', 'pension'] }] }] });
// (words no shared vocabulary holds: a claim's "wages" or "salary" is carried by @pay, not translated)
const DE = 'Outlet: Der Bote\nLanguage: de\n\nDie Gewerkschaft fordert höhere Renten für alle Beschäftigten der Lager.\n' +
           'Der Konzern wollte sich dazu nicht äußern.\n';
const ES = 'Outlet: La Voz\nLanguage: es\n\nEl sindicato exige pensiones más altas para todos los empleados.\n' +
           'La empresa no quiso comentar.\n';
// the worker's own files and the tables: none of them in the first load
const WORKER_FILES = /\/(suggest\.js|suggest_worker\.js|presslens-suggest\.(js|wasm)|dict-en-[a-z]+\.tsv\.gz)$/;

// Holds back one table until released (a route on the browser context: the worker's fetches go
// through it too).
async function holdTable(page, lang) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.context().route(`**/dict-en-${lang}.tsv.gz`, async (route) => { await gate; await route.continue(); });
  return release;
}

async function openWithPayClaim(page) {
  await waitState(page, matrixReady(5), 'the default matrix', 30000);
  await dropFiles(page, [{ name: 'pay.json', text: CODEBOOK }, { name: 'bote.txt', text: DE }, { name: 'voz.txt', text: ES }]);
  const s = await waitState(page, (s) => s.codes.length === 1 && s.outlets.includes('Der Bote') && matrixReady(7)(s),
    'the pay codebook and the two articles', 30000);
  return { bote: s.outlets.indexOf('Der Bote'), voz: s.outlets.indexOf('La Voz'), s };
}

test('dictionary translations arrive from the suggestion worker, one is accepted, the matrix changes', async () => {
  const { page, requests } = await openApp(env, { before: async (p) => { env.releaseDe = await holdTable(p, 'de'); } });
  const { bote, s: first } = await openWithPayClaim(page);
  assert.equal(first.matrix[bote][0].state, 'not_covered');
  assert.deepEqual(requests.filter((u) => WORKER_FILES.test(u)), [], 'nothing of the worker before the suggestions are shown');
  await page.evaluate(() => { window.location.hash = '#panel=codebook'; });
  // the corpus's suggestions at once, the dictionaries pending (the German table is held)
  let s = await waitState(page, (s) => s.panel === 'codebook' && s.suggestions.dictionaries.running &&
    /Looking up dictionaries/.test(s.suggestions.dictionaries.status), 'looking up dictionaries', 30000);
  assert.ok(s.suggestions.dictionaries.languages.includes('de') && s.suggestions.dictionaries.languages.includes('es'),
    JSON.stringify(s.suggestions.dictionaries));
  assert.ok(!s.suggestions.rows.some((r) => r.language === 'de' && r.source === 'dictionary'), 'no translation yet');
  assert.ok(!s.suggestions.rows.some((r) => r.language === 'de' && /^renten$/.test(r.suggestion)),
    `the corpus alone cannot carry "pensions" into German: ${JSON.stringify(s.suggestions.rows)}`);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'dictionaries-looking-up.png') });
  env.releaseDe();
  s = await waitState(page, (s) => !s.suggestions.dictionaries.running && s.suggestions.dictionaries.current &&
    s.suggestions.add_rect, 'the dictionaries\' answer', 60000);
  assert.equal(s.suggestions.dictionaries.failed, false, s.suggestions.dictionaries.status);
  assert.match(s.suggestions.dictionaries.status, /^Dictionaries \(.*German.*\): \d+ suggestions? added\.$/);
  const rows = s.suggestions.rows;
  const renten = rows.find((r) => r.language === 'de' && r.term === 'pensions' && r.source === 'dictionary' && /^renten$/i.test(r.suggestion));
  assert.ok(renten, JSON.stringify(rows));
  assert.equal(renten.articles, 1);
  // the worker and the tables came after the panel opened, each once
  const later = requests.filter((u) => WORKER_FILES.test(u)).map((u) => new URL(u).pathname.slice(1)).sort();
  for (const f of ['suggest.js', 'suggest_worker.js', 'presslens-suggest.js', 'presslens-suggest.wasm', 'dict-en-de.tsv.gz', 'dict-en-es.tsv.gz'])
    assert.equal(later.filter((x) => x === f).length, 1, `${f} fetched once: ${later.join(', ')}`);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'dictionaries-arrived.png') });
  // accepted (with the rest that are checked): the German outlet, not covered before, reports the
  // claim, through the rule the translation made
  await clickRect(page, s.suggestions.add_rect);
  s = await waitState(page, (s) => s.matrix.length === 7 && s.matrix[bote][0].state === 'reported', 'Der Bote reporting the claim', 30000);
  assert.equal(s.codebook_error, '');
  const german = s.editor.codes[0].rules.find((r) => r.id === 'P1-de');
  assert.ok(german && german.terms.some((t) => /renten/i.test(JSON.stringify(t))), JSON.stringify(s.editor.codes[0].rules));
  await page.evaluate(() => { window.location.hash = '#panel=matrix'; });
  await waitState(page, (s) => s.panel === 'matrix' && matrixReady(7)(s), 'the matrix');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'dictionaries-accepted.png') });
  await page.close();
});

test('a dictionary table that fails to load: the corpus suggestions stay, the panel and the status bar say which and why', async () => {
  const { page } = await openApp(env, {
    before: async (p) => {
      await p.context().route('**/dict-en-de.tsv.gz', (route) => route.fulfill({ status: 404, body: 'not here' }));
      env.releaseEs = await holdTable(p, 'es');
    },
  });
  await openWithPayClaim(page);
  await page.evaluate(() => { window.location.hash = '#panel=codebook'; });
  // the corpus's own suggestions, at once (the worker waits for the Spanish table)
  let s = await waitState(page, (s) => s.panel === 'codebook' && s.suggestions.dictionaries.running &&
    s.suggestions.rows.length > 0, 'the corpus\'s suggestions', 30000);
  const own = s.suggestions.rows.filter((r) => r.source !== 'dictionary');
  assert.ok(own.some((r) => r.source === 'cognate' || r.source === 'same word' || r.source === 'vocabulary'), JSON.stringify(own));
  env.releaseEs();
  s = await waitState(page, (s) => s.panel === 'codebook' && !s.suggestions.dictionaries.running &&
    s.suggestions.dictionaries.current && s.suggestions.dictionaries.failed, 'the failed table', 60000);
  assert.match(s.suggestions.dictionaries.status, /Not loaded: dict-en-de\.tsv\.gz: HTTP 404/);
  assert.match(s.notice, /A dictionary did not load: dict-en-de\.tsv\.gz: HTTP 404/);
  // the corpus's own suggestions stay, but those a dictionary prefix of the same term covers
  // ("pensiones" beside a prefix of "pensión": one rule across the two lists); the Spanish table's came
  const rows = s.suggestions.rows;
  const coveredBy = (r) => rows.find((d) => d.source === 'dictionary' && d.code === r.code && d.term === r.term &&
    d.language === r.language && d.suggestion.endsWith('*') && r.suggestion.length > d.suggestion.length - 1 &&
    r.suggestion.startsWith(d.suggestion.slice(0, -1)));
  const kept = (r) => rows.some((x) => x.source === r.source && x.term === r.term && x.suggestion === r.suggestion);
  for (const r of own) assert.ok(kept(r) !== !!coveredBy(r), `${JSON.stringify(r)}: kept or covered, not both: ${JSON.stringify(rows)}`);
  assert.ok(own.some((r) => r.language === 'es' && coveredBy(r)), `a Spanish word of the corpus covered: ${JSON.stringify(rows)}`);
  assert.ok(rows.some((r) => r.language === 'es' && r.source === 'dictionary'), JSON.stringify(rows));
  assert.ok(!rows.some((r) => r.language === 'de' && r.source === 'dictionary'));
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'dictionaries-404.png') });
  await page.close();
});

test('the worker gets the corpus once per corpus: a codebook edit sends only the codebook', async () => {
  const { page } = await openApp(env);
  await openWithPayClaim(page);
  // the page's language module has come and the corpus was analysed again with it (a new corpus)
  await waitState(page, (s) => s.detector === 'cld2' && !s.loading && matrixReady(7)(s), 'CLD2 and the matrix', 30000);
  await page.evaluate(() => { window.location.hash = '#panel=codebook'; });
  const answered = (codebook) => (s) => s.panel === 'codebook' && !s.suggestions.dictionaries.running &&
    s.suggestions.dictionaries.current && s.suggestions.add_rect && (codebook === undefined || s.editor.codes[0].rules[0].terms.includes(codebook));
  let s = await waitState(page, answered(), 'the first answer', 60000);
  assert.equal(s.suggestions.dictionaries.failed, false, s.suggestions.dictionaries.status);
  const counts = () => page.evaluate(() => {
    const x = window.presslens.suggest;
    return { corpusMessages: x.corpusMessages, corpusBytes: x.corpusBytes, corpusReads: x.corpusReads, lookups: x.lookups };
  });
  const first = await counts();
  // the corpus went once, as a saved corpus of the seven articles (their texts are in it)
  assert.equal(first.corpusMessages, 1);
  assert.equal(first.corpusReads, 1);
  assert.equal(first.lookups, 1);
  assert.ok(first.corpusBytes > 7 * 40, JSON.stringify(first));
  const renten = (rows) => rows.some((r) => r.language === 'de' && r.term === 'pensions' && r.source === 'dictionary' && /^renten$/i.test(r.suggestion));
  assert.ok(renten(s.suggestions.rows), JSON.stringify(s.suggestions.rows));
  // two codebook edits (a term added, then another): two lookups, no corpus again, and the
  // worker's answers are still made on the corpus it kept
  for (const [i, term] of [[2, 'pay'], [3, 'earnings']]) {
    const codebook = JSON.parse(CODEBOOK);
    codebook.codes[0].rules[0].any.push(term);
    await dropFiles(page, [{ name: 'pay.json', text: JSON.stringify(codebook) }]);
    s = await waitState(page, answered(term), `the answer for the codebook with "${term}"`, 60000);
    assert.equal(s.suggestions.dictionaries.failed, false, s.suggestions.dictionaries.status);
    assert.ok(renten(s.suggestions.rows), JSON.stringify(s.suggestions.rows));
    const now = await counts();
    assert.deepEqual(now, { ...first, lookups: i }, `after edit ${i - 1}`);
  }
  // a new corpus (one more article) is sent once more
  await dropFiles(page, [{ name: 'zeit.txt', text: 'Outlet: Die Zeit\nLanguage: de\n\nDie Renten steigen nicht.\n' }]);
  s = await waitState(page, (s) => s.outlets.includes('Die Zeit') && answered('earnings')(s), 'the answer for eight articles', 60000);
  const last = await counts();
  assert.equal(last.corpusMessages, 2, JSON.stringify(last));
  assert.equal(last.corpusReads, 2, JSON.stringify(last));
  assert.equal(last.lookups, 4, JSON.stringify(last));
  assert.ok(last.corpusBytes > 2 * first.corpusBytes, JSON.stringify(last));
  await page.close();
});

test('within the claim\'s own language: a form of its term and a vocabulary\'s word checked, a distinctive word unchecked; adding them changes the English rule itself', async () => {
  const { page } = await openApp(env);
  await waitState(page, matrixReady(5), 'the default matrix', 30000);
  const codebook = JSON.stringify({ name: 'Pay', codes: [{ id: 'P1', label: 'Higher pay demanded',
    rules: [{ id: 'P1-en', lang: 'en', all: [['wage'], ['demand*']] }] }] });
  const en = (outlet, text) => ({ name: `${outlet}.txt`, text: `Outlet: ${outlet}\nLanguage: en\n\n${text}\n` });
  await dropFiles(page, [{ name: 'pay.json', text: codebook }, { name: 'bote.txt', text: DE }, { name: 'voz.txt', text: ES },
    en('The Wire', 'Warehouse workers demand higher wages.'), en('The Post', 'Drivers want a wage rise now.'),
    en('The Sun', 'Cleaners want a wage rise too.')]);
  let s = await waitState(page, (s) => s.codes.length === 1 && s.outlets.includes('The Sun') && matrixReady(10)(s),
    'the pay codebook and five articles', 30000);
  const wire = s.outlets.indexOf('The Wire'), post = s.outlets.indexOf('The Post');
  assert.notEqual(s.matrix[wire][0].state, 'reported', '"wages" is not "wage" before');
  await page.evaluate(() => { window.location.hash = '#panel=codebook'; });
  s = await waitState(page, (s) => s.panel === 'codebook' && !s.suggestions.dictionaries.running &&
    s.suggestions.dictionaries.current && s.suggestions.add_rect, 'the worker\'s answer', 60000);
  const rows = s.suggestions.rows;
  const form = rows.find((r) => r.language === 'en' && r.term === 'wage' && r.suggestion === 'wages');
  assert.ok(form, JSON.stringify(rows));
  assert.equal(form.source, 'form');
  assert.equal(form.accepted, true);
  const key = rows.find((r) => r.language === 'en' && r.term === 'demand*' && r.suggestion === 'rise');
  assert.ok(key, JSON.stringify(rows));
  assert.equal(key.source, 'keyness');
  assert.equal(key.accepted, false, 'a distinctive word waits for the user');
  // "want", @demand's, which "demand*" is in, completes the sentences lacking the demand in two articles
  const vocabularyWord = rows.find((r) => r.language === 'en' && r.term === 'demand*' && r.suggestion === 'want');
  assert.ok(vocabularyWord, JSON.stringify(rows));
  assert.equal(vocabularyWord.source, 'vocabulary word');
  assert.equal(vocabularyWord.accepted, true);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'suggestions-within-language.png') });
  await clickRect(page, s.suggestions.add_rect);
  s = await waitState(page, (s) => s.matrix.length === 10 && s.matrix[wire][0].state === 'reported', 'The Wire reporting the claim', 30000);
  assert.equal(s.codebook_error, '');
  const ids = s.editor.codes[0].rules.map((r) => r.id);
  assert.ok(!ids.some((id) => /^P1-en-/.test(id)), `no second English rule: ${ids.join(', ')}`);
  const english = s.editor.codes[0].rules.find((r) => r.id === 'P1-en');
  assert.ok(english && JSON.stringify(english.terms).includes('wages'), JSON.stringify(english));
  assert.ok(!JSON.stringify(english.terms).includes('rise'), 'the unchecked word was not added');
  assert.ok(JSON.stringify(english.terms).includes('want'), JSON.stringify(english));
  assert.equal(s.matrix[post][0].state, 'reported', '"Drivers want a wage rise now", by the vocabulary word');
  await page.close();
});

test('an actor\'s term a shared vocabulary holds brings its words in the new language; added, the carried claim is attributed', async () => {
  const { page } = await openApp(env);
  await waitState(page, matrixReady(5), 'the default matrix', 30000);
  // a claim about Palantir attributed to the employees, whose words are English only
  const codebook = JSON.stringify({ name: 'Palantir', actors: [{ id: 'staff', label: 'the employees', terms: { en: ['employee*'] } }],
    codes: [{ id: 'P1', label: 'Drop Palantir', rules: [{ id: 'P1-en', lang: 'en', all: ['palantir', '@demand'],
      attribution: { actor: 'staff' } }] }] });
  const it = 'Outlet: Il Corriere\nLanguage: it\n\nI dipendenti chiedono la fine del contratto con Palantir.\n' +
             'L\'azienda non ha risposto.\n';
  await dropFiles(page, [{ name: 'palantir.json', text: codebook }, { name: 'corriere.txt', text: it }]);
  let s = await waitState(page, (s) => s.codes.length === 1 && s.outlets.includes('Il Corriere') && matrixReady(6)(s),
    'the Palantir codebook and the Italian article', 30000);
  const corriere = s.outlets.indexOf('Il Corriere');
  assert.equal(s.matrix[corriere][0].state, 'not_covered');
  await page.evaluate(() => { window.location.hash = '#panel=codebook'; });
  s = await waitState(page, (s) => s.panel === 'codebook' && !s.suggestions.dictionaries.running &&
    s.suggestions.dictionaries.current && s.suggestions.add_rect, 'the suggestions', 60000);
  const word = s.suggestions.rows.find((r) => r.code === 'actor:staff' && r.language === 'it' && r.suggestion === 'dipendenti');
  assert.ok(word, JSON.stringify(s.suggestions.rows));
  assert.equal(word.source, 'vocabulary word');
  assert.equal(word.term, 'employee*');
  assert.equal(word.accepted, true);
  assert.ok(!s.suggestions.rows.some((r) => r.code === 'actor:staff' && r.suggestion === 'lavoratori'), 'not a word the articles lack');
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOT_DIR, 'suggestions-actor-vocabulary.png') });
  await clickRect(page, s.suggestions.add_rect);
  s = await waitState(page, (s) => s.matrix.length === 6 && s.matrix[corriere][0].state === 'reported', 'Il Corriere reporting the claim', 30000);
  assert.equal(s.codebook_error, '');
  await page.close();
});
