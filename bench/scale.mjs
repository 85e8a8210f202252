// Scale benchmark in the browser (a script, not a test): the 5,000-article synthetic corpus
// (bench/make_corpus.py, 100 outlets) and a 12-code codebook dropped on the web app in headless
// chromium, with peers run in the same invocation.
//   node bench/scale.mjs [--write docs/benchmarks.md]
// Measures
//   - the load: wall time from the drop to the finished matrix, the app's own compute time in it
//     (parse + analyse + match, without drawing), and whether progress frames kept coming;
//     peer: the Node-style regex + Map word count (bench/peers/count.mjs's loop) on the same
//     texts in the same page;
//   - frames per second while the matrix (100 x 12) and the article list (5,000 rows) scroll,
//     driven by wheel events every 8 ms; peer: a WebGL2 page that redraws on every animation frame
//     (the browser's own ceiling on this machine);
//   - the wasm heap after the load, against the corpus file's size.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/browser.mjs';

const args = process.argv.slice(2);
const writeTo = args.includes('--write') ? args[args.indexOf('--write') + 1] : null;
const webDir = 'build/web';
const corpusPath = 'bench/out/synthetic-5000.json';
if (!fs.existsSync(corpusPath)) execFileSync('python3', ['bench/make_corpus.py', corpusPath, '5000'], { stdio: 'inherit' });

// 12 codes: the default 10 plus two single-term codes, as a user would add them.
const cb = JSON.parse(fs.readFileSync('assets/codebook/default.json', 'utf8'));
cb.codes.push({ id: 'P', label: 'Palantir named', rules: [{ term: 'palantir' }] },
              { id: 'R', label: 'Rekognition named', rules: [{ term: 'rekognition' }] });
const dir = path.join(webDir, 'bench-scale');
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(corpusPath, path.join(dir, 'corpus.json'));
fs.writeFileSync(path.join(dir, 'codebook12.json'), JSON.stringify(cb));
fs.writeFileSync(path.join(dir, 'peer.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body style="margin:0"><canvas id="c" style="width:100vw;height:100vh;display:block"></canvas><script src="peer.js"></script></body></html>`);
fs.writeFileSync(path.join(dir, 'peer.js'), `const c = document.getElementById('c');
c.width = innerWidth; c.height = innerHeight;
const gl = c.getContext('webgl2');
window.frames_ = 0;
(function frame() { gl.clearColor(Math.random(), 0.2, 0.2, 1); gl.clear(gl.COLOR_BUFFER_BIT); window.frames_++; requestAnimationFrame(frame); })();`);
const corpusBytes = fs.statSync(corpusPath).size;

const { server, url } = await startServer(webDir, 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

async function drop(page, names) {
  await page.evaluate(async (names) => {
    const list = [];
    for (const n of names) list.push(new File([await (await fetch('bench-scale/' + n)).blob()], n, { type: 'application/json' }));
    const ev = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(ev, 'dataTransfer', { value: { files: list } });
    window.dispatchEvent(ev);
  }, names);
}
const st = (page) => page.evaluate(() => window.presslens.state);
async function waitLoads(page, n, timeout = 600000) {
  await page.waitForFunction((n) => window.presslens.state && window.presslens.state.loads >= n && !window.presslens.state.loading, n, { timeout, polling: 50 });
}

// Frames drawn per second while wheel events arrive every 8 ms over the point (x, y).
async function fps(page, x, y, counter, seconds = 4) {
  return page.evaluate(async ({ x, y, counter, seconds }) => {
    const target = document.getElementById('canvas') || document.getElementById('c');
    let dir = 1, n = 0;
    const read = () => counter.split('.').reduce((o, k) => o[k], window);
    const f0 = read(), t0 = performance.now();
    const timer = setInterval(() => {
      if (++n % 60 === 0) dir = -dir;
      target.dispatchEvent(new WheelEvent('wheel', { deltaY: 40 * dir, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    }, 8);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    clearInterval(timer);
    return (read() - f0) / ((performance.now() - t0) / 1000);
  }, { x, y, counter, seconds });
}

const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => { window.presslens = { wantState: true }; });
await page.goto(url + 'index.html');
await page.waitForFunction(() => window.presslens.ready === true, null, { timeout: 60000 });
await drop(page, ['codebook12.json']);
await waitLoads(page, 1);

// The load, sampled every 50 ms from outside: frames drawn while it runs show the progress bar.
const before = await st(page);
const t0 = Date.now();
await drop(page, ['corpus.json']);
let progressFrames = 0, lastFrame = -1;
for (;;) {
  const p = await page.evaluate(() => ({ f: window.presslens.frame, loading: window.presslens.loading, s: window.presslens.state.loads }));
  if (p.loading && p.f !== lastFrame) { progressFrames++; lastFrame = p.f; }
  if (p.s > before.loads && !p.loading) break;
  await page.waitForTimeout(50);
}
const wallMs = Date.now() - t0;
const after = await st(page);
if (after.article_count !== 5000 || after.codes.length !== 12 || after.outlets.length !== 100)
  throw new Error(`unexpected corpus: ${after.article_count} articles, ${after.outlets.length} outlets, ${after.codes.length} codes; ${after.error}`);
await page.screenshot({ path: path.join(webDir, 'shots', 'scale-matrix.png') });
const heap = await page.evaluate(() => (window.Module && Module.HEAPU8 ? Module.HEAPU8.length : 0));

// The peer word count on the same texts, in the same page.
const peerMs = await page.evaluate(async () => {
  const texts = (await (await fetch('bench-scale/corpus.json')).json()).articles.map((a) => a.text);
  const t0 = performance.now();
  const counts = new Map();
  const re = /[\p{L}\p{N}_]+/gu;
  for (const t of texts) for (const m of t.toLowerCase().matchAll(re)) counts.set(m[0], (counts.get(m[0]) || 0) + 1);
  return performance.now() - t0;
});

// Frames per second: the state hook off (what a user's page pays), the matrix, then the list.
const visible = after.matrix.filter((r) => r[6].rect);
const m = visible[Math.floor(visible.length / 2)][6].rect;  // a cell in the middle of the matrix
const box = await page.locator('#canvas').boundingBox();
await page.evaluate(() => { window.presslens.wantState = false; });
const matrixFps = await fps(page, box.x + m.x, box.y + m.y, 'presslens.frame');
await page.evaluate(() => { window.presslens.wantState = true; });
await page.keyboard.press('Control+f');  // the article list, with its filter focused
await page.waitForFunction(() => window.presslens.state.articles.some((a) => a.rect), null, { timeout: 10000 });
const row = (await st(page)).articles.find((a) => a.rect).rect;
await page.screenshot({ path: path.join(webDir, 'shots', 'scale-articles.png') });
await page.evaluate(() => { window.presslens.wantState = false; });
const listFps = await fps(page, box.x + row.x + 40, box.y + row.y + 200, 'presslens.frame');
await page.close();

const peer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await peer.goto(url + 'bench-scale/peer.html');
await peer.waitForFunction(() => window.frames_ > 5);
const peerFps = await fps(peer, 640, 400, 'frames_');
await browser.close(); server.close();
fs.rmSync(dir, { recursive: true, force: true });

const mb = corpusBytes / 1e6;
const lines = [
  `corpus: ${corpusPath}, ${mb.toFixed(1)} MB, 5,000 articles, 100 outlets; codebook: 12 codes`,
  `load (drop to finished matrix): ${(wallMs / 1000).toFixed(2)} s wall, of which the app's own work ${(after.load_compute_ms / 1000).toFixed(2)} s; ${progressFrames} progress frames seen`,
  `peer: regex + Map word count of the same texts in the same page: ${(peerMs / 1000).toFixed(2)} s (app work / peer = ${(after.load_compute_ms / peerMs).toFixed(1)}x)`,
  `frames per second while scrolling: matrix ${matrixFps.toFixed(1)}, article list ${listFps.toFixed(1)}; peer WebGL2 page ${peerFps.toFixed(1)} (ratios ${(matrixFps / peerFps).toFixed(2)}, ${(listFps / peerFps).toFixed(2)})`,
  `wasm heap after the load: ${(heap / 1e6).toFixed(0)} MB = ${(heap / corpusBytes).toFixed(1)}x the corpus file`,
];
for (const l of lines) console.log(l);
if (writeTo) {
  const doc = fs.readFileSync(writeTo, 'utf8');
  const block = `<!-- scale:begin -->\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n<!-- scale:end -->`;
  const re = /<!-- scale:begin -->[\s\S]*<!-- scale:end -->/;
  fs.writeFileSync(writeTo, re.test(doc) ? doc.replace(re, block) : doc + '\n' + block + '\n');
  console.log(`written to ${writeTo}`);
}
