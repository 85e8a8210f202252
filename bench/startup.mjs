// Page weight and start-up benchmark (a script, not a test).
//   node bench/startup.mjs [--runs N] [--write docs/benchmarks.md]
// Page weight: gzip -9 size of every file the page downloads (from the request log).
// Start-up: time from navigation to the app's first drawn frame (performance.now() at the first
// published state) in headless chromium, median of N fresh pages, next to a peer run in the same
// invocation: a WebGL2 page that only clears its canvas (the browser's floor on this machine).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/browser.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 7;
const writeTo = args.includes('--write') ? args[args.indexOf('--write') + 1] : null;
const webDir = 'build/web';

// Serve the build and the peer page from one origin.
fs.copyFileSync('bench/peer/webgl2-clear.html', path.join(webDir, 'bench-peer.html'));
const { server, url } = await startServer(webDir, 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

async function firstFrame(pageName) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });  // cold cache each run
  const page = await ctx.newPage();
  const files = new Set();
  page.on('requestfinished', (r) => files.add(new URL(r.url()).pathname));
  await page.goto(url + pageName);
  await page.waitForFunction(() => window.presslensReady === true, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.presslensFirstFrameMs);
  await ctx.close();
  return { ms, files: [...files] };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
await firstFrame('index.html');  // warm-up (chromium's own caches, SwiftShader JIT)
await firstFrame('bench-peer.html');
const app = [], peer = [], ratios = [];
let files = [];
for (let i = 0; i < runs; i++) {
  const a = await firstFrame('index.html');
  const p = await firstFrame('bench-peer.html');
  app.push(a.ms); peer.push(p.ms); ratios.push(a.ms / p.ms); files = a.files;
}
await browser.close(); server.close();
fs.unlinkSync(path.join(webDir, 'bench-peer.html'));

const weights = files.sort().map((f) => {
  const buf = fs.readFileSync(path.join(webDir, f));
  return { file: f.replace(/^\//, ''), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
});
const total = weights.reduce((s, w) => ({ raw: s.raw + w.raw, gzip: s.gzip + w.gzip }), { raw: 0, gzip: 0 });
const kib = (n) => (n / 1024).toFixed(0) + ' KiB';
const f1 = (x) => x.toFixed(0);

const lines = [];
lines.push(`### Page weight (what the page downloads)`, '', '| file | raw | gzip -9 |', '|---|---:|---:|');
for (const w of weights) lines.push(`| ${w.file} | ${kib(w.raw)} | ${kib(w.gzip)} |`);
lines.push(`| **total** | ${kib(total.raw)} | **${kib(total.gzip)}** (target ≤ 1.2 MiB: ${total.gzip <= 1.2 * 1024 * 1024 ? 'met' : 'missed'}) |`, '');
lines.push(`### Start-up: navigation to first frame, headless chromium (SwiftShader), ${runs} cold runs`, '');
lines.push('| page | min | median | max |', '|---|---:|---:|---:|');
lines.push(`| Presslens (index.html) | ${f1(Math.min(...app))} ms | ${f1(median(app))} ms | ${f1(Math.max(...app))} ms |`);
lines.push(`| peer: WebGL2 page that only clears | ${f1(Math.min(...peer))} ms | ${f1(median(peer))} ms | ${f1(Math.max(...peer))} ms |`);
lines.push(`| ratio Presslens / peer (pairwise) | ${Math.min(...ratios).toFixed(2)} | ${median(ratios).toFixed(2)} | ${Math.max(...ratios).toFixed(2)} |`, '');
lines.push(`Target ≤ 0.5 s to first frame: ${median(app) <= 500 ? 'met' : 'missed'} (median ${f1(median(app))} ms).`);
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
