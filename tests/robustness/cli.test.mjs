// Every bad input of tests/robustness/cases.mjs through the real presslens-cli: the exit code, the
// message, and what it printed. Each run is also watched for time and peak memory (printed, not
// asserted: docs/robustness.md quotes them), under a hard timeout that fails a hang.
//   node --test tests/robustness/        (PRESSLENS_CLI to test another build, e.g. the sanitizers')
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cases, writeCases } from './cases.mjs';

const cli = process.env.PRESSLENS_CLI || 'build/native/presslens-cli';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'presslens-robustness-'));
const inputs = writeCases(dir);
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const c of cases) {
  test(`${c.id}: ${c.input}`, () => {
    const files = inputs[c.id];
    const args = (c.cli.args && c.cli.args(files)) || ['articles', ...files, '--format', 'csv'];
    // GNU time's %M: peak resident memory of the CLI, in KiB
    const r = spawnSync('/usr/bin/time', ['-f', 'presslens-time %e s %M KiB', cli, ...args],
                        { encoding: 'utf8', timeout: 300000, maxBuffer: 256 << 20 });
    assert.equal(r.error, undefined, `the CLI did not finish: ${r.error}`);
    const measured = (r.stderr.match(/presslens-time .*$/m) || [''])[0];
    const stderr = r.stderr.replace(/^Command exited with non-zero status \d+\n/m, '').replace(/presslens-time .*\n?/, '');
    console.log(`# ${c.id}: exit ${r.status}, ${measured.replace('presslens-time ', '')}; ${stderr.split('\n')[0].slice(0, 200)}`);
    assert.equal(r.status, c.cli.code, `exit code; stderr: ${stderr.slice(0, 500)}`);
    if (c.cli.stderr) assert.match(stderr, c.cli.stderr);
    if (c.cli.stdout) assert.match(r.stdout, c.cli.stdout);
    assert.doesNotMatch(stderr, /AddressSanitizer|runtime error|terminate called|Segmentation/);
  });
}
