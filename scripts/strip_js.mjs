// Build step (web): the page's own scripts without their comments and indentation, for the first
// load's weight (about 3 KB gzip of page.js and mirror.js). The parse (acorn, Debian's node-acorn,
// which emcc needs anyway) finds the comments, so nothing inside a string or a regex is touched;
// the output is parsed again before it is written. Usage: node strip_js.mjs IN OUT
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let acorn;
try { acorn = require('acorn'); } catch { acorn = require('/usr/share/nodejs/acorn/dist/acorn.js'); }

const [input, output] = process.argv.slice(2);
const src = fs.readFileSync(input, 'utf8');
for (const t of acorn.tokenizer(src, { ecmaVersion: 2020 }))
  if (t.type === acorn.tokTypes.backQuote) throw new Error(input + ': a template literal would lose its indentation');
const comments = [];
acorn.parse(src, { ecmaVersion: 2020, onComment: (block, text, start, end) => comments.push([start, end]) });
let out = '', at = 0;
for (const [start, end] of comments) {
  out += src.slice(at, start) + ' ';  // a space: a/**/b must not become ab
  at = end;
}
out += src.slice(at);
out = out.split('\n').map((l) => l.trim()).filter((l) => l).join('\n') + '\n';
acorn.parse(out, { ecmaVersion: 2020 });  // still the same program's syntax
fs.writeFileSync(output, out);
