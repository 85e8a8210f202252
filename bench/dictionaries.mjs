// Dictionary suggestions in the browser (a script, not a test): the time from opening the Codebook
// panel to the suggestion worker's answer merged (cold: a fresh page each run, so the worker, its
// wasm and the tables are fetched, compiled and read every time), on the default corpus (5 articles,
// English and Dutch) with the default codebook's English rules only, and on 200 real articles in 11
// languages (bench/accuracy/sets: the 148 labelled articles and the first 52 again) with the Google
// Walkout codebook (English only). Peer, on the same inputs in the same invocation:
// `presslens-cli codebook suggest` (native: reads the files, analyses, reads the tables, suggests).
//   node bench/dictionaries.mjs [RUNS]     (needs build/web and build/native)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/browser.mjs';

const runs = Number(process.argv[2] || 5);
const webDir = 'build/web', cli = 'build/native/presslens-cli';
const dir = path.join(webDir, 'bench-dict');
fs.mkdirSync(path.join(dir, 'corpus200'), { recursive: true });

// the inputs, as files both sides read
const def = JSON.parse(fs.readFileSync('assets/codebook/default.json', 'utf8'));
for (const c of def.codes) c.rules = c.rules.filter((r) => r.lang === 'en');
def.codes = def.codes.filter((c) => c.rules.length);
fs.writeFileSync(path.join(dir, 'default-en.json'), JSON.stringify(def));
fs.copyFileSync('bench/accuracy/sets/google-walkout-2018/codebook.json', path.join(dir, 'walkout-en.json'));
const real = [];
for (const set of fs.readdirSync('bench/accuracy/sets').sort())
  for (const f of fs.readdirSync(path.join('bench/accuracy/sets', set, 'articles')).sort())
    real.push({ name: `${set}-${f}`, text: fs.readFileSync(path.join('bench/accuracy/sets', set, 'articles', f), 'utf8') });
const two = real.concat(real.slice(0, 200 - real.length).map((a) => ({ name: 'again-' + a.name, text: a.text + '\n(Reprinted.)\n' })));
for (const a of two) fs.writeFileSync(path.join(dir, 'corpus200', a.name), a.text);

const { server, url } = await startServer(webDir, 0);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

async function browserRun(codebook, articles) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => { window.presslens = { wantState: true }; });
  await page.goto(url + 'index.html');
  await page.waitForFunction(() => window.presslens.ready === true, null, { timeout: 60000 });
  await page.waitForFunction(() => window.presslens.languages && window.presslens.languages.state !== 'loading', null, { timeout: 60000 });
  const n = articles ? articles.length : 5;
  await page.evaluate(async ({ codebook, articles }) => {
    const names = ['bench-dict/' + codebook].concat((articles || []).map((a) => 'bench-dict/corpus200/' + a));
    const files = [];
    for (const u of names) files.push(new File([await (await fetch(u)).blob()], u.split('/').pop(), { type: u.endsWith('.json') ? 'application/json' : 'text/plain' }));
    // a new project for the 200 articles (the default corpus's five would stay otherwise)
    const dt = new DataTransfer();
    files.forEach((f) => dt.items.add(f));
    const canvas = document.getElementById('canvas');
    for (const type of ['dragenter', 'dragover', 'drop']) canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { codebook, articles });
  const total = articles ? 5 + n : 5;
  await page.waitForFunction((total) => { const s = window.presslens.state; return s && s.articles.length === total && !s.loading && !s.matching; }, total, { timeout: 300000, polling: 50 });
  const ms = await page.evaluate(() => new Promise((resolve, reject) => {
    const t0 = performance.now();
    window.location.hash = '#panel=codebook';
    (function poll() {
      const s = window.presslens.state, d = s && s.suggestions.dictionaries;
      if (d && d.current && !d.running && /^Dictionaries|^No dictionary/.test(d.status))
        return d.failed ? reject(new Error(d.status)) : resolve({ ms: performance.now() - t0, status: d.status, count: s.suggestions.count });
      if (d && d.current && !d.running && !d.status && performance.now() - t0 > 3000) return reject(new Error('no lookup was needed: ' + JSON.stringify(d)));
      if (performance.now() - t0 > 300000) return reject(new Error('no answer'));
      setTimeout(poll, 2);
    })();
  }));
  await page.close();
  return ms;
}

function cliRun(codebook, paths) {
  const t0 = process.hrtime.bigint();
  const out = execFileSync(cli, ['codebook', 'suggest', path.join(dir, codebook), ...paths, '--format', 'csv'], { stdio: ['ignore', 'pipe', 'ignore'] });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rows: out.toString().trim().split('\n').length - 1 };
}

const cases = [
  { name: 'default corpus (5 articles, en + nl), default codebook\'s English rules', codebook: 'default-en.json', articles: null, paths: ['assets/corpus'] },
  { name: '200 real articles (11 languages), Google Walkout codebook (English)', codebook: 'walkout-en.json', articles: two.map((a) => a.name), paths: [path.join(dir, 'corpus200'), 'assets/corpus'] },
];
const lines = [];
for (const c of cases) {
  const page = [], peer = [], ratios = [];
  let info = '', rows = 0;
  for (let i = 0; i < runs; ++i) {  // interleaved: a browser run, then the peer
    const b = await browserRun(c.codebook, c.articles);
    const p = cliRun(c.codebook, c.paths);
    page.push(b.ms); peer.push(p.ms); ratios.push(b.ms / p.ms);
    info = `${b.count} suggestions listed; ${b.status}`;
    rows = p.rows;
  }
  lines.push(`| ${c.name} | ${Math.round(median(page))} ms (${Math.round(Math.min(...page))}–${Math.round(Math.max(...page))}) | ` +
             `${Math.round(median(peer))} ms (${rows} rows) | ${median(ratios).toFixed(2)} |`);
  console.log(c.name + ': ' + info);
}
console.log(`| corpus, codebook | page: panel opened -> dictionary suggestions merged, median (min–max), ${runs} cold runs | peer: presslens-cli codebook suggest, median | ratio page / peer (median of pairs) |`);
console.log('|---|---:|---:|---:|');
for (const l of lines) console.log(l);
await browser.close();
server.close();
