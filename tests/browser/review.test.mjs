// Real-browser tests of the human review (issue 16): a matrix cell rejected and another confirmed
// from its right-click menu (the coder's name asked once), a passage selected with the mouse in
// the reader, copied and coded to a claim by hand, all kept across a reload; the coder's codings
// exported; a second coder's codings imported, the agreement table, and a disagreement opening
// the article at both coders' evidence; the evidence CSV carrying state and coder.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { launch, openApp, state, waitState, clickRect, menu, framePresented, SHOT_DIR, dropFiles } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

const shot = async (page, name) => {
  await framePresented(page);
  await page.screenshot({ path: path.join(SHOT_DIR, name) });
};

async function rightClick(page, r) {
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.click(box.x + r.x + r.w / 2, box.y + r.y + r.h / 2, { button: 'right' });
}

async function showPanel(page, panel) {
  await page.evaluate((p) => {
    const h = window.location.hash;
    window.location.hash = /panel=[a-z]+/.test(h) ? h.replace(/panel=[a-z]+/, 'panel=' + p) : (h ? h + '&' : '#') + 'panel=' + p;
  }, panel);
  return waitState(page, (s) => s.panel === panel, `the ${panel} panel`);
}

const cellOf = (s, outlet, code) => s.matrix[s.outlets.indexOf(outlet)][s.codes.indexOf(code)];

async function cellMenu(page, outlet, code, item) {
  let s = await waitState(page, (s) => cellOf(s, outlet, code).rect, `the cell ${outlet} x ${code}`);
  await rightClick(page, cellOf(s, outlet, code).rect);
  s = await waitState(page, (s) => s.menu[item], `the cell's menu (${item})`);
  await framePresented(page);
  s = await state(page);
  await clickRect(page, s.menu[item]);
}

test('review: reject and confirm cells, select a passage and code it, reload, export, a second coder and agreement', async () => {
  const { page } = await openApp(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  let s = await waitState(page, (s) => s.article_count === 5 && !s.loading && s.panel === 'matrix', 'the example project');
  assert.equal(s.review.decisions.length, 0);
  assert.equal(cellOf(s, 'Sputnik International', 'D1').state, 'reported');
  const reportingD1 = s.matrix.filter((r) => r[0].state === 'reported').length;

  // reject a reported cell: the coder's name is asked first, then the decision is made
  await cellMenu(page, 'Sputnik International', 'D1', 'Cell/Reject');
  s = await waitState(page, (s) => s.review.ask_coder || s.menu['Coder/name'], 'the name dialog');
  s = await waitState(page, (s) => s.menu['Coder/name'], 'the name field');
  await framePresented(page);
  await page.keyboard.type('Ann', { delay: 5 });
  s = await state(page);
  await clickRect(page, s.menu['Coder/OK']);
  s = await waitState(page, (s) => s.review.decisions.length === 1, 'the rejection');
  assert.equal(s.review.coder, 'Ann');
  assert.equal(s.review.decisions[0].kind, 'reject');
  assert.equal(s.review.decisions[0].coder, 'Ann');
  assert.equal(cellOf(s, 'Sputnik International', 'D1').state, 'not_reported');
  assert.equal(cellOf(s, 'Sputnik International', 'D1').review, 'rejected');
  assert.equal(s.matrix.filter((r) => r[0].state === 'reported').length, reportingD1 - 1);

  // confirm another: no second question
  await cellMenu(page, 'CNET', 'D2', 'Cell/Confirm');
  s = await waitState(page, (s) => s.review.decisions.length === 2, 'the confirmation');
  assert.equal(cellOf(s, 'CNET', 'D2').review, 'confirmed');
  assert.equal(s.review.decisions[1].kind, 'confirm');
  await shot(page, 'review-matrix.png');

  // the Dutch article does not report D3 by the rules: open it at its D1 sentence, select part of
  // that with the mouse and code it to D3 by hand
  const outletNl = s.outlets[0];
  assert.equal(cellOf(s, outletNl, 'D3').state, 'not_reported');
  await clickRect(page, cellOf(s, outletNl, 'D1').rect);
  s = await waitState(page, (s) => s.reader && s.reader.focus_rect && s.menu['Reader/Confirm'], 'the sentence in the reader');
  // the reader scrolls the sentence into view: wait until it stays put
  let r = s.reader.focus_rect;
  for (;;) {
    await framePresented(page);
    const now = (await state(page)).reader.focus_rect;
    if (now.x === r.x && now.y === r.y) break;
    r = now;
  }
  const box = await page.locator('#canvas').boundingBox();
  const y = box.y + r.y + r.h - 9;  // the sentence's last line, which starts at the left edge
  await page.mouse.move(box.x + r.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + r.x + 60, y, { steps: 4 });
  await page.mouse.move(box.x + r.x + 140, y, { steps: 4 });
  await page.mouse.up();
  s = await waitState(page, (s) => s.reader.selection && s.reader.selection.text.length > 5, 'a selection');
  const selected = s.reader.selection.text;
  assert.ok(s.reader.focus.includes(selected), `"${selected}" is part of "${s.reader.focus}"`);
  await shot(page, 'review-selection.png');
  // Ctrl+C copies it: the page's text layer holds the selection, and the browser copies the
  // article's own text
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+C');
  await page.waitForFunction((t) => navigator.clipboard.readText().then((c) => c === t), selected, { timeout: 5000 });
  s = await state(page);
  await clickRect(page, s.menu['Reader/Code selection']);
  s = await waitState(page, (s) => s.menu['Reader/Code selection/D3'], 'the claims to code it to');
  await framePresented(page);
  s = await state(page);
  await clickRect(page, s.menu['Reader/Code selection/D3']);
  s = await waitState(page, (s) => s.review.decisions.length === 3, 'the passage coded by hand');
  assert.equal(s.review.decisions[2].kind, 'add');
  assert.equal(s.review.decisions[2].quote, selected);
  assert.equal(cellOf(s, outletNl, 'D3').state, 'reported');
  assert.equal(cellOf(s, outletNl, 'D3').review, 'added by hand');
  await shot(page, 'review-coded.png');

  // the evidence CSV carries state and coder, and the passage coded by hand
  let dl = page.waitForEvent('download');
  await menu(page, 'Export/Evidence as CSV (one row per quote)');
  let csv = fs.readFileSync(await (await dl).path(), 'utf8');
  assert.match(csv.split('\n')[0], /,state,coder$/);
  assert.ok(csv.split('\n').some((l) => l.includes(',D1,') && l.endsWith(',rejected,Ann')), 'a rejected row');
  assert.ok(csv.includes('(by hand)') && csv.includes('added by hand,Ann'), 'the passage coded by hand');

  // kept across a reload
  await page.waitForFunction(() => window.presslens.storeWrites >= 1, null, { timeout: 10000 });
  await page.reload();
  await page.waitForFunction(() => window.presslens.ready === true, null, { timeout: 30000 });
  s = await waitState(page, (s) => s.article_count === 5 && !s.loading && s.review.decisions.length === 3, 'the review after a reload', 15000);
  assert.equal(s.review.coder, 'Ann');
  assert.equal(cellOf(s, 'Sputnik International', 'D1').review, 'rejected');
  assert.equal(cellOf(s, outletNl, 'D3').review, 'added by hand');

  // the Review panel: my codings exported
  s = await showPanel(page, 'review');
  s = await waitState(page, (s) => s.menu['Review/Export'], 'the export button');
  dl = page.waitForEvent('download');
  await clickRect(page, s.menu['Review/Export']);
  const exported = await dl;
  assert.equal(exported.suggestedFilename(), 'codings-Ann.csv');
  csv = fs.readFileSync(await exported.path(), 'utf8');
  const rows = csv.trim().split('\n');
  assert.equal(rows[0], 'article,code,value,coder,evidence');
  assert.equal(rows.length, 1 + 1 + 1 + 1);  // Sputnik D1, CNET D2, the Dutch article D3
  assert.ok(rows.some((l) => l.startsWith('002_21dcaa8bcce8cfbc.txt,D1,0,Ann')));
  assert.ok(rows.some((l) => /^000_f08923bbbf1d2df1\.txt,D3,1,Ann,/.test(l)));

  // a second coder who agrees on D2 and disagrees on D1 (with evidence) and D3
  const sputnikEvidence = 'Amazon Employees Demand CEO Stop Selling Facial Recognition Tech to Cops';
  const bob = 'article,code,value,coder,evidence\n' +
    `002_21dcaa8bcce8cfbc.txt,D1,1,Bob,${sputnikEvidence}\n` +
    '003_e9d2b8b8e93679c1.txt,D2,1,Bob,\n' +
    '000_f08923bbbf1d2df1.txt,D3,0,Bob,\n';
  await dropFiles(page, [{ name: 'bob.csv', text: bob }]);
  s = await waitState(page, (s) => s.review.others.length === 1 && s.review.agreement, 'the second coder');
  assert.deepEqual(s.review.others[0], { name: 'Bob', codings: 3 });
  const all = s.review.agreement[s.review.agreement.length - 1];
  assert.equal(all.code, '(all)');
  assert.equal(all.n, 3);
  assert.ok(Math.abs(all.agreement - 1 / 3) < 1e-9);
  assert.equal(s.review.disagreements, 2);
  // listed in article order: the Dutch article's D3 first, then Sputnik's D1
  s = await waitState(page, (s) => s.menu['Review/disagreement/1'], 'the disagreements');
  await shot(page, 'review-agreement.png');
  await clickRect(page, s.menu['Review/disagreement/1']);
  s = await waitState(page, (s) => s.reader && s.reader.source === '002_21dcaa8bcce8cfbc.txt' && s.reader.their_focus, 'both coders\' evidence');
  assert.equal(s.reader.their_focus, sputnikEvidence);
  await shot(page, 'review-disagreement.png');

  // a bad codings file: named, nothing applied
  await dropFiles(page, [{ name: 'bad.csv', text: 'article,code,value\n002_21dcaa8bcce8cfbc.txt,D1,2\nnope.txt,D1,1\n' }]);
  s = await waitState(page, (s) => /bad\.csv/.test(s.error), 'the refusal');
  assert.match(s.error, /row 2: value "2" is not 0 or 1/);
  assert.equal(s.review.others.length, 1);

  // undo takes the import back
  await page.keyboard.press('Control+Z');
  s = await waitState(page, (s) => s.review.others.length === 0, 'the import undone');
  assert.equal(s.review.decisions.length, 3);
  await page.close();
});
