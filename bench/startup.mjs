// Page weight and start-up benchmark (a script, not a test).
//   node bench/startup.mjs [--runs N] [--write docs/benchmarks.md]
// Page weight: gzip -9 size of every file the page downloads until its first frame (the same sum
// as tests/browser/weight.test.mjs, which holds the budget).
// Start-up: time from navigation to the app's first drawn frame (presslens.firstFrameMs) in headless
// chromium, next to a peer in the same invocation: a WebGL2 page that only clears its canvas (the
// browser's floor on this machine). Runs are cold (a fresh browser context each: no HTTP cache, no
// storage, no compiled code kept) and interleaved, app and peer in alternating order, so a busy
// moment of this shared machine falls on both; the ratio is taken per pair, and its median reported.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS, pageWeight, FIRST_LOAD_BUDGET } from '../tests/browser/browser.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 11;
const writeTo = args.includes('--write') ? args[args.indexOf('--write') + 1] : null;
const webDir = 'build/web';

// Serve the build and the peer page from one origin.
fs.copyFileSync('bench/peer/webgl2-clear.html', path.join(webDir, 'bench-peer.html'));
const { server, url } = await startServer(webDir, 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

async function firstFrame(pageName) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });  // cold: nothing kept
  const page = await ctx.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url + pageName);
  await page.waitForFunction(() => (window.presslens || {}).ready === true, null, { timeout: 30000 });
  const t = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('presslens.wasm'));
    return { ms: window.presslens.firstFrameMs, wasmMs: wasm ? wasm.responseEnd : null };
  });
  await ctx.close();
  return { ...t, requests };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
await firstFrame('index.html');  // warm-up (chromium's own caches, SwiftShader JIT)
await firstFrame('bench-peer.html');
const app = [], peer = [], ratios = [], wasmDone = [];
let requests = [];
for (let i = 0; i < runs; i++) {
  const order = i % 2 ? ['bench-peer.html', 'index.html'] : ['index.html', 'bench-peer.html'];
  const r = {};
  for (const name of order) r[name] = await firstFrame(name);
  const a = r['index.html'], p = r['bench-peer.html'];
  app.push(a.ms); peer.push(p.ms); ratios.push(a.ms / p.ms); wasmDone.push(a.wasmMs); requests = a.requests;
}
await browser.close(); server.close();
fs.unlinkSync(path.join(webDir, 'bench-peer.html'));

const { rows: weights, total } = pageWeight(requests, new URL(url).origin);
const kib = (n) => (n / 1024).toFixed(0) + ' KiB';
const f1 = (x) => x.toFixed(0);

const lines = [];
lines.push(`### Page weight (what the page downloads before its first frame)`, '', '| file | raw | gzip -9 |', '|---|---:|---:|');
for (const w of weights) lines.push(`| ${w.file} | ${kib(w.raw)} | ${kib(w.gzip)} |`);
lines.push(`| **total** | ${kib(total.raw)} | **${kib(total.gzip)}** (target ≤ 1.0 MiB: ${total.gzip <= FIRST_LOAD_BUDGET ? 'met' : 'missed'}) |`, '');
lines.push(`### Start-up: navigation to first frame, headless chromium (SwiftShader), ${runs} cold runs, interleaved`, '');
lines.push('| page | min | median | max |', '|---|---:|---:|---:|');
lines.push(`| Presslens (index.html) | ${f1(Math.min(...app))} ms | ${f1(median(app))} ms | ${f1(Math.max(...app))} ms |`);
lines.push(`| (of which: presslens.wasm downloaded at) | ${f1(Math.min(...wasmDone))} ms | ${f1(median(wasmDone))} ms | ${f1(Math.max(...wasmDone))} ms |`);
lines.push(`| peer: WebGL2 page that only clears | ${f1(Math.min(...peer))} ms | ${f1(median(peer))} ms | ${f1(Math.max(...peer))} ms |`);
lines.push(`| ratio Presslens / peer (pairwise) | ${Math.min(...ratios).toFixed(2)} | ${median(ratios).toFixed(2)} | ${Math.max(...ratios).toFixed(2)} |`, '');
lines.push(`Target: first frame ≤ 2.5x the peer (median of the pairwise ratios): ${median(ratios) <= 2.5 ? 'met' : 'missed'} (${median(ratios).toFixed(2)}x).`);
const report = lines.join('\n');
console.log(report);

if (writeTo) {
  const begin = '<!-- startup:begin -->', end = '<!-- startup:end -->';
  const doc = fs.existsSync(writeTo) ? fs.readFileSync(writeTo, 'utf8') : '# Benchmarks\n';
  const block = `${begin}\n_Measured ${new Date().toISOString().slice(0, 10)} with \`node bench/startup.mjs --write ${writeTo}\`._\n\n${report}\n${end}`;
  const out = doc.includes(begin) ? doc.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block) : `${doc}\n## Page weight and start-up\n\n${block}\n`;
  fs.writeFileSync(writeTo, out);
  console.log(`written to ${writeTo}`);
}
