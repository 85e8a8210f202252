// Shared helpers for the real-browser tests: Debian's chromium driven by playwright-core,
// the web build served on 127.0.0.1, and a log of every request the page makes.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';

export const WEB_DIR = process.env.PRESSLENS_WEB_DIR || 'build/web';
export const SHOT_DIR = path.join(WEB_DIR, 'shots');

// Flags that render WebGL2 through SwiftShader on a machine without a GPU and keep chromium
// from calling home (this machine has no network).
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export async function launch() {
  const { server, url } = await startServer(WEB_DIR, 0);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  return {
    url, browser,
    async close() { await browser.close(); server.close(); },
  };
}

// Opens the app and waits for its ready signal; returns { page, requests, logs }.
// `before(page)` runs before the page loads (routes to hold or fail a download).
export async function openApp(env, { width = 1280, height = 800, dpr = 1, hash = '', permissions = [], before = null } = {}) {
  const page = await env.browser.newPage({ viewport: { width, height }, deviceScaleFactor: dpr, permissions });
  const requests = [], logs = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
  await page.addInitScript(() => { window.presslens = { wantState: true }; });  // the state hook, for tests
  if (before) await before(page);
  await page.goto(env.url + 'index.html' + hash);
  await page.waitForFunction(() => window.presslens.ready === true || !!window.presslens.error, null, { timeout: 30000 });
  const err = await page.evaluate(() => window.presslens.error || null);
  if (err) throw new Error(`app error: ${err}\n${logs.join('\n')}`);
  await assertNoCspViolations(page);
  return { page, requests, logs };
}

// The page's Content-Security-Policy (shell/index.html) must hold without a single violation.
export async function assertNoCspViolations(page) {
  const v = await page.evaluate(() => window.presslens.cspViolations || []);
  if (v.length) throw new Error(`Content-Security-Policy violations: ${v.join('; ')}`);
}

export const state = (page) => page.evaluate(() => window.presslens.state);

// Waits until the published state satisfies pred (a function of the state), or fails.
export async function waitState(page, pred, what, timeout = 5000) {
  const t0 = Date.now();
  for (;;) {
    const s = await state(page);
    if (s && pred(s)) return s;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for: ${what}; last state: ${JSON.stringify(s).slice(0, 400)}`);
    await page.waitForTimeout(50);
  }
}

// Resolves once the browser has presented a frame after this call (two animation frames: the
// app's GL frame drawn before it is composited by then): an event, not an elapsed time.
export const framePresented = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

// Opens a menu item by the rects the app publishes ("Export/Matrix as CSV").
export async function menu(page, item) {
  const top = item.split('/')[0];
  let s = await waitState(page, (s) => s.menu[top], `the ${top} menu`);
  await clickRect(page, s.menu[top]);
  s = await waitState(page, (s) => s.menu[item], `the menu item ${item}`);
  await clickRect(page, s.menu[item]);
}

// A drop as the page receives it from the operating system: dragenter, dragover, drop with files
// ({name, text} or {name, bytes: [..]}).
export async function dropFiles(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files)
      dt.items.add(new File([f.bytes ? new Uint8Array(f.bytes) : f.text], f.name, { type: f.name.endsWith('.json') ? 'application/json' : 'text/plain' }));
    const canvas = document.getElementById('canvas');
    for (const type of ['dragenter', 'dragover', 'drop'])
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

// Clicks the centre of a rect in the app's coordinates (CSS pixels of the canvas).
export async function clickRect(page, r) {
  const box = await page.locator('#canvas').boundingBox();
  const x = box.x + r.x + r.w / 2, y = box.y + r.y + r.h / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.waitForTimeout(30);
  await page.mouse.up();
}

// The page's first load in bytes, which unlike its timing is not noisy: for each request the page
// made from its own origin, the file served, gzip -9 (what a compressing server sends). A file
// requested twice counts twice. The budget is checked by weight.test.mjs and reported by
// bench/startup.mjs.
export const FIRST_LOAD_BUDGET = 1024 * 1024;
// The page's language module: fetched after the first frame (page.js -> languages.js;
// docs/languages.md), so not part of the first load.
export const LANGUAGE_MODULE = ['languages.js', 'presslens-cld2.js', 'presslens-cld2.wasm', 'presslens-languages.bin'];
export const isLanguageModule = (url) => LANGUAGE_MODULE.includes(new URL(url).pathname.replace(/^\//, ''));
export function pageWeight(urls, origin) {
  const files = urls.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html');
  const rows = files.map((file) => {
    const buf = fs.readFileSync(path.join(WEB_DIR, file));
    return { file, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { rows, total };
}

// {code: text} from tests/language_samples.hpp ({"sv", "..." "..."} entries: adjacent literals
// joined): the unit tests' two-sentence texts, for the browser tests of languages and scripts.
export function languageSamples() {
  const src = fs.readFileSync(new URL('../language_samples.hpp', import.meta.url), 'utf8');
  const out = {};
  for (const m of src.matchAll(/\{"([a-z]{2})",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}/g))
    out[m[1]] = [...m[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((p) => p[1]).join('');
  return out;
}
