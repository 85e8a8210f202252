// Prints the table of docs/robustness.md from tests/robustness/cases.mjs and real runs of the CLI
// (its exit code, first message line, time and peak memory on this machine).
//   node tests/robustness/table.mjs [--write docs/robustness.md]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cases, writeCases } from './cases.mjs';

const cli = process.env.PRESSLENS_CLI || 'build/native/presslens-cli';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-table-'));
const inputs = writeCases(dir);
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rows = ['| # | input | presslens-cli: exit, first message (time, peak memory) | what the user gets (CLI and viewer) |',
              '|---|---|---|---|'];
cases.forEach((c, i) => {
  const files = inputs[c.id];
  const args = (c.cli.args && c.cli.args(files)) || ['articles', ...files, '--format', 'csv'];
  const r = spawnSync('/usr/bin/time', ['-f', 'presslens-time %e s, %M KiB', cli, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const measured = (r.stderr.match(/presslens-time (.*)$/m) || ['', '?'])[1];
  const kib = Number((measured.match(/(\d+) KiB/) || [0, 0])[1]);
  const msg = r.stderr.split('\n').find((l) => l.startsWith('presslens-cli')) || '(no message)';
  const shown = msg.split(dir + '/').join('').split(c.id + '/').join('');
  const when = measured.replace(/, \d+ KiB/, `, ${(kib / 1024).toFixed(0)} MB`);
  rows.push(`| ${i + 1} | ${cell(c.input)} | exit ${r.status}: \`${cell(shown.slice(0, 220))}\` (${when}) | ${cell(c.gets)} |`);
});
fs.rmSync(dir, { recursive: true, force: true });
const table = rows.join('\n');
const args = process.argv.slice(2);
if (args.includes('--write')) {
  const to = args[args.indexOf('--write') + 1];
  const doc = fs.readFileSync(to, 'utf8');
  const re = /<!-- table:begin -->[\s\S]*<!-- table:end -->/;
  fs.writeFileSync(to, doc.replace(re, `<!-- table:begin -->\n${table}\n<!-- table:end -->`));
  console.log(`written to ${to}`);
} else {
  console.log(table);
}
