// The page's first load stays within its budget (1 MiB gzip, issue 13): bytes, not time, so a test
// can hold it. Timings are the benchmark's (bench/startup.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, pageWeight, FIRST_LOAD_BUDGET, LANGUAGE_MODULE, isLanguageModule } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

test('the first load is at most 1 MiB gzip, each file downloaded once', async () => {
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
  assert.ok(total.gzip <= FIRST_LOAD_BUDGET,
            `first load ${total.gzip} bytes gzip, over the budget of ${FIRST_LOAD_BUDGET}:\n${table}`);
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

test('presslens.wasm is served as application/wasm (streaming compilation needs it)', async () => {
  const res = await fetch(env.url + 'presslens.wasm', { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
});
