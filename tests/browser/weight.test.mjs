// The page's first load stays within its budget (1 MiB gzip, issue 13): bytes, not time, so a test
// can hold it. Timings are the benchmark's (bench/startup.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, openApp, pageWeight, FIRST_LOAD_BUDGET, LANGUAGE_MODULE, isLanguageModule, WEB_DIR } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

test('the first load is at most 1 MiB gzip, each file downloaded once', async (t) => {
  const { page, requests } = await openApp(env);
  const origin = new URL(env.url).origin;
  // the language module is fetched after the first frame (next test), not part of the first load
  const first = requests.filter((u) => !isLanguageModule(u));
  const { rows, total } = pageWeight(first, origin);
  const table = rows.map((r) => `${r.file}: ${r.raw} bytes, ${r.gzip} gzip`).join('\n');
  const files = rows.map((r) => r.file).sort();
  // the preloads in index.html must be the requests page.js makes, not a second download
  assert.deepEqual(files, [...new Set(files)], `a file was downloaded twice:\n${table}`);
  for (const f of ['index.html', 'page.js', 'presslens.js', 'presslens.wasm']) assert.ok(files.includes(f), `${f} loaded`);
  // the suggestion worker and its dictionary tables come only when the suggestions need them
  // (dictionaries.test.mjs): none of them in the first load
  const worker = files.filter((f) => /^(suggest\.js|suggest_worker\.js|presslens-suggest\.(js|wasm)|dict-.*)$/.test(f));
  assert.deepEqual(worker, [], 'the suggestion worker is not part of the first load');
  assert.ok(total.gzip <= FIRST_LOAD_BUDGET,
            `first load ${total.gzip} bytes gzip, over the budget of ${FIRST_LOAD_BUDGET}:\n${table}`);
  t.diagnostic(`first load ${total.raw} bytes, ${total.gzip} gzip (budget ${FIRST_LOAD_BUDGET}): ` + rows.map((r) => `${r.file} ${r.gzip}`).join(', '));
  await page.close();
});

test('the language module (CLD2 and the language data) is fetched once, after the first frame', async (t) => {
  const { page, requests } = await openApp(env);
  await page.waitForFunction(() => window.presslens.languages && window.presslens.languages.state !== 'loading', null, { timeout: 30000 });
  const L = await page.evaluate(() => ({ state: window.presslens.languages.state, error: window.presslens.languages.error,
                                         requested: window.presslens.languages.requestedMs, firstFrame: window.presslens.firstFrameMs }));
  assert.equal(L.state, 'ready', L.error);
  assert.ok(L.requested >= L.firstFrame, `requested at ${L.requested} ms, first frame at ${L.firstFrame} ms`);
  const origin = new URL(env.url).origin;
  const later = requests.filter(isLanguageModule);
  const { rows, total } = pageWeight(later, origin);
  assert.deepEqual(rows.map((r) => r.file).sort(), [...LANGUAGE_MODULE].sort(), 'each file of the module once');
  t.diagnostic(rows.map((r) => `${r.file}: ${r.raw} bytes, ${r.gzip} gzip`).join('; ') + `; total ${total.raw} bytes, ${total.gzip} gzip`);
  await page.close();
});

test('the suggestion worker and the dictionary tables are built beside the page, and measured', async (t) => {
  // fetched on demand (dictionaries.test.mjs), so outside the first load's budget; their sizes are
  // in docs/benchmarks.md
  const rows = [];
  for (const f of fs.readdirSync(WEB_DIR).filter((f) => /^(suggest\.js|suggest_worker\.js|presslens-suggest\.(js|wasm)|dict-en-[a-z]+\.tsv\.gz)$/.test(f)).sort()) {
    const buf = fs.readFileSync(path.join(WEB_DIR, f));
    // a table is stored gzip: its unpacked size, and the file's
    if (f.endsWith('.gz')) rows.push(`${f}: ${zlib.gunzipSync(buf).length} bytes, ${buf.length} gzip`);
    else rows.push(`${f}: ${buf.length} bytes, ${zlib.gzipSync(buf, { level: 9 }).length} gzip`);
  }
  for (const f of ['suggest.js', 'suggest_worker.js', 'presslens-suggest.js', 'presslens-suggest.wasm', 'dict-en-de.tsv.gz', 'dict-en-es.tsv.gz'])
    assert.ok(rows.some((r) => r.startsWith(f + ':')), `${f} built`);
  t.diagnostic(rows.join('; '));
});

test('presslens.wasm is served as application/wasm (streaming compilation needs it)', async () => {
  const res = await fetch(env.url + 'presslens.wasm', { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
});
