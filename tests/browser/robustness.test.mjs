// Every bad input of tests/robustness/cases.mjs dropped on the viewer in chromium, one after the
// other on one page: each gets its message (error, or warning when it loads), a refused input
// leaves the corpus and codebook as they were, and the page keeps drawing frames (no crash, no
// hang). The files are served from the app's own origin and dropped as real File objects; a file
// the browser cannot read (gone, or a folder) is a File whose read fails, as chromium's does.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, state, waitState, clickRect, menu, assertNoCspViolations, WEB_DIR, SHOT_DIR } from './browser.mjs';
import { cases, writeCases } from '../robustness/cases.mjs';

let env;
const served = path.join(WEB_DIR, 'robustness');
let inputs;
test.before(async () => {
  inputs = writeCases(served);
  env = await launch();
});
test.after(async () => { if (env) await env.close(); });

// The files of a case, as the page gets them: fetched from its origin (sparse ones built in the page).
async function dropCase(page, c) {
  // a folder arrives as itself, not as the files in it
  const files = c.viewer.folder ? [] : c.files().map(([name, content]) => ({
    name: path.basename(name), url: `robustness/${c.id}/${name}`, sparse: content && content.sparse,
  }));
  await page.evaluate(async ({ files, unreadable, folder }) => {
    const one = async (f) => {
      if (f.sparse) {  // a large file that the page must refuse without reading
        const chunk = new Uint8Array(1 << 20).fill(97);
        return new File(Array(f.sparse >> 20).fill(chunk), f.name, { type: 'text/plain' });
      }
      const blob = await (await fetch(f.url)).blob();
      return new File([blob], f.name, { type: f.name.endsWith('.json') ? 'application/json' : 'text/plain' });
    };
    const list = [];
    for (let i = 0; i < files.length; i += 50) list.push(...await Promise.all(files.slice(i, i + 50).map(one)));
    const failing = (name, type, size) => {
      const f = new File([], name, { type });
      Object.defineProperty(f, 'size', { value: size });
      f.arrayBuffer = () => Promise.reject(new DOMException('A requested file or directory could not be found at the time an operation was processed.', 'NotFoundError'));
      return f;
    };
    if (unreadable) list.push(failing(unreadable, 'text/plain', 2048));
    if (folder) list.push(failing(folder, '', 4096));
    const ev = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(ev, 'dataTransfer', { value: { files: list } });
    window.dispatchEvent(ev);
  }, { files, unreadable: c.viewer.unreadable, folder: c.viewer.folder });
}

// File > Limits: types the two sizes into the dialog and presses OK.
async function setLimits(page, { file, article }) {
  await menu(page, 'File/Limits');
  for (const [field, value] of [['Limits/Largest file', file], ['Limits/Largest article', article]]) {
    const s = await waitState(page, (s) => s.menu[field], `the ${field} field`);
    await clickRect(page, { ...s.menu[field], w: s.menu[field].w * 0.3 });  // the text part, not the +/- buttons
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(value));
    await page.keyboard.press('Tab');
  }
  const s = await waitState(page, (s) => s.menu['Limits/OK'], 'the OK button');
  await clickRect(page, s.menu['Limits/OK']);
  await waitState(page, (s) => s.limits.max_file_mb === file && s.limits.max_article_mb === article,
                  `limits of ${file} and ${article} MiB`);
}

// Back to the default corpus and codebook, so each case starts from the same place.
async function reset(page) {
  let s = await state(page);
  if (!s.corpus_default) {
    await menu(page, 'File/Open the example project');
    s = await waitState(page, (s) => s.corpus_default && s.article_count === 5, 'the default corpus');
  }
  if (s.codes.length !== 10) {
    await menu(page, 'File/Default codebook');
    await waitState(page, (s) => s.codes.length === 10, 'the default codebook');
  }
}

async function dropAndWait(page, c) {
  const before = await state(page);
  const t0 = Date.now();
  await dropCase(page, c);
  const s = await waitState(page, (s) => s.loads > before.loads && !s.loading, `the load of ${c.id}`, c.viewer.timeout || 30000);
  return { s, ms: Date.now() - t0 };
}

test('every bad input gets its message in the viewer; refused ones change nothing; frames keep coming', async () => {
  const { page, logs, requests } = await openApp(env);
  await waitState(page, (s) => s.article_count === 5 && !s.loading, 'the default corpus');
  // PRESSLENS_CASES=id,id runs a subset while working on them; the suite runs them all.
  const only = process.env.PRESSLENS_CASES ? process.env.PRESSLENS_CASES.split(',') : null;
  for (const c of cases.filter((c) => !only || only.includes(c.id))) {
    await reset(page);
    if (c.viewer.limits) await setLimits(page, c.viewer.limits);
    const { s, ms } = await dropAndWait(page, c);
    const what = `${c.id}: error=${JSON.stringify(s.error).slice(0, 300)} warnings=${JSON.stringify(s.warnings).slice(0, 300)}`;
    console.log(`# ${c.id}: ${ms} ms; ${(s.error || s.warnings[0] || s.notice).slice(0, 160)}`);
    if (c.viewer.error) {
      assert.match(s.error, c.viewer.error, what);
    } else {
      assert.equal(s.error, '', what);
    }
    if (c.viewer.warning) assert.ok(s.warnings.some((w) => c.viewer.warning.test(w)), what);
    assert.equal(s.article_count, c.viewer.articles, `${what}: articles`);
    if (c.viewer.codes !== undefined) assert.equal(s.codes.length, c.viewer.codes, `${what}: codes`);
    // still alive: a new frame on input, and no error page
    const frame = s.frame;
    await page.mouse.move(5 + (frame % 50), 400);
    await waitState(page, (t) => t.frame > frame, `a frame after ${c.id}`);
    assert.equal(await page.evaluate(() => window.presslens.error || null), null, `${c.id}: the app stopped`);
    if (c.id === 'limit-lowered') {
      // raised again, the same file loads
      await setLimits(page, { file: 256, article: 4 });
      const again = await dropAndWait(page, c);
      assert.equal(again.s.error, '');
      assert.equal(again.s.article_count, 6);
      await setLimits(page, { file: 256, article: 32 });
    }
    if (c.id === 'corpus-200k') await page.screenshot({ path: path.join(SHOT_DIR, 'robustness-200k.png') });
  }
  await assertNoCspViolations(page);
  // the user's documents went nowhere: every request is to the page's own origin
  const origin = new URL(env.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u)), []);
  assert.deepEqual(logs.filter((l) => l.startsWith('[pageerror]')), []);
  await page.close();
});
