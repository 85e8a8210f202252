// Real-browser tests of the user's own story (issue 14): a new empty project, an article pasted
// with Ctrl+V and its form, a file dropped, an outlet edited in place, a delete undone, the
// project saved as a .presslens download and opened in a fresh browser profile with the same
// matrix and view; a view link of a project that is not open says so instead of showing another.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { launch, openApp, state, waitState, clickRect, menu, framePresented, SHOT_DIR, dropFiles } from './browser.mjs';

let env;
test.before(async () => { env = await launch(); });
test.after(async () => { if (env) await env.close(); });

const TEST_WIRE = fs.readFileSync(new URL('../fixtures/testwire.txt', import.meta.url), 'utf8');

// A paste as the browser fires it for Ctrl+V: the page hands the text to the app with the shortcut.
async function paste(page, text, html = '') {
  await page.evaluate(([text, html]) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    if (html) dt.setData('text/html', html);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [text, html]);
}

async function typeInto(page, rect, text) {
  await clickRect(page, rect);
  await framePresented(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 5 });
}

const shot = async (page, name) => {
  await framePresented(page);
  await page.screenshot({ path: path.join(SHOT_DIR, name) });
};

const PASTED = 'City council votes to close the central library\n' +
  'The city council voted on Monday to close the central library by 2027, citing the cost of repairs.\n' +
  'Opponents demand transparency about the repair estimates.\n';

test('a new project, an article pasted and one dropped, an outlet edited, a delete undone, saved and opened in a fresh profile', async () => {
  const { page } = await openApp(env);
  await waitState(page, (s) => s.article_count === 5 && !s.loading, 'the example project');
  let s = await state(page);
  assert.match(s.project.title, /Amazon/);

  // File > New project: nothing from the example is left
  await menu(page, 'File/New project');
  s = await waitState(page, (s) => s.article_count === 0 && s.panel === 'articles' && s.menu['Articles/Paste an article'], 'an empty project');
  assert.equal(s.codes.length, 1);
  assert.equal(s.matrix.length, 0);
  assert.equal(s.project.title, 'Untitled project');
  assert.equal(s.corpus_default, false);
  await shot(page, 'project-new.png');

  // Ctrl+V outside a text field: the paste form, prefilled from the text
  await paste(page, PASTED);
  await waitState(page, (s) => s.paste_open && s.menu['Paste/Outlet'], 'the paste form');
  await framePresented(page);  // the modal is placed in its first frames
  s = await state(page);
  await typeInto(page, s.menu['Paste/Outlet'], 'Gazette');
  await typeInto(page, s.menu['Paste/Date'], '2026-11-02');
  await shot(page, 'project-paste-form.png');
  s = await state(page);
  await clickRect(page, s.menu['Paste/Add article']);
  s = await waitState(page, (s) => s.article_count === 1 && !s.paste_open, 'the pasted article');
  assert.equal(s.articles[0].outlet, 'Gazette');
  assert.equal(s.articles[0].title, 'City council votes to close the central library');
  assert.equal(s.articles[0].date, '2026-11-02');
  assert.equal(s.reader.source, s.articles[0].source);

  // a dropped .txt joins it, and a codebook of one claim replaces the starter
  const codebook = JSON.stringify({ name: 'Library closure', codes: [{ id: 'T', label: 'Transparency demanded',
    rules: [{ id: 'T-en', lang: 'en', term: 'transparency' }] }] });
  const savedPage = '<!DOCTYPE html><html lang="en"><head><title>Council library vote | Evening Post</title>' +
    '<meta property="og:site_name" content="Evening Post"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>' +
    '<article><h1>Council library vote</h1><p>Councillors voted to close the central library, and residents now demand transparency ' +
    'about the cost of the repairs that the council says it cannot afford.</p><p>A petition against the closure has gathered ' +
    'four thousand signatures in a week, its organisers said on Tuesday.</p></article><footer>Evening Post</footer></body></html>';
  await dropFiles(page, [{ name: 'testwire.txt', text: TEST_WIRE }, { name: 'library.json', text: codebook },
                         { name: 'Council library vote - Evening Post.html', text: savedPage }]);
  s = await waitState(page, (s) => s.article_count === 3 && !s.loading && s.articles.every((a) => a.rect), 'the dropped articles');
  assert.deepEqual(s.outlets, ['Gazette', 'Test Wire', 'Evening Post']);
  assert.equal(s.articles[2].title, 'Council library vote');

  // double-click the outlet: edit it in place
  const row = s.articles[1].rect;
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.dblclick(box.x + row.x + 30, box.y + row.y + row.h / 2);
  s = await waitState(page, (s) => s.menu['Articles/edit'], 'the outlet field');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Wire Service', { delay: 5 });
  await page.keyboard.press('Enter');
  s = await waitState(page, (s) => s.outlets.includes('Wire Service'), 'the edited outlet');
  assert.equal(s.project.undo, 2);  // the paste and the edit (a load is not a step)

  // delete the first article, then undo
  await clickRect(page, s.articles[0].rect);
  await waitState(page, (s) => s.selected === 0, 'the first article selected');
  await page.keyboard.press('Delete');
  s = await waitState(page, (s) => s.article_count === 2, 'the article deleted');
  assert.deepEqual(s.outlets, ['Wire Service', 'Evening Post']);
  assert.match(s.notice, /Deleted 1 article/);
  await page.keyboard.press('Control+Z');
  s = await waitState(page, (s) => s.article_count === 3, 'the delete undone');
  assert.deepEqual(s.outlets, ['Gazette', 'Wire Service', 'Evening Post']);
  await shot(page, 'project-articles.png');

  // name the project, open a cell, save the project
  await menu(page, 'File/Project name');
  s = await waitState(page, (s) => s.menu['Project name/Name'], 'the name dialog');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Library closure (Nov 2026)', { delay: 5 });
  await page.keyboard.press('Enter');
  s = await waitState(page, (s) => s.project.title === 'Library closure (Nov 2026)', 'the new name');
  await page.evaluate(() => { window.location.hash = window.location.hash.replace(/panel=[a-z]+/, 'panel=matrix'); });
  s = await waitState(page, (s) => s.panel === 'matrix' && s.matrix.length === 3 && s.matrix[1][0].rect, 'the matrix');
  await clickRect(page, s.matrix[1][0].rect);
  s = await waitState(page, (s) => s.reader && s.reader.focus, 'a cell opened');
  const matrix = s.matrix.map((r) => r.map((c) => c.state));
  const focus = s.reader.focus;
  const dl = page.waitForEvent('download');
  await menu(page, 'File/Save project');
  const download = await dl;
  assert.equal(download.suggestedFilename(), 'Library closure (Nov 2026).presslens');
  const file = path.join(SHOT_DIR, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  assert.match(bytes.subarray(0, 20).toString('latin1'), /^presslens-project 1\n/);

  // a fresh profile: the example, until the file is opened
  const fresh = (await openApp(env)).page;
  await waitState(fresh, (s) => s.article_count === 5 && !s.loading, 'the example in a fresh profile');
  await dropFiles(fresh, [{ name: 'Library closure (Nov 2026).presslens', bytes: [...bytes] }]);
  s = await waitState(fresh, (s) => s.project.title === 'Library closure (Nov 2026)' && !s.loading && s.reader && s.reader.focus, 'the opened project');
  assert.equal(s.article_count, 3);
  assert.deepEqual(s.outlets, ['Gazette', 'Wire Service', 'Evening Post']);
  assert.equal(s.articles[2].source, 'Council library vote - Evening Post.html');
  assert.deepEqual(s.matrix.map((r) => r.map((c) => c.state)), matrix);
  assert.equal(s.reader.focus, focus);
  assert.equal(s.panel, 'matrix');
  await shot(fresh, 'project-opened.png');
  await fresh.close();
  await page.close();
});

test('a project replaced by another is kept among the recent projects, and reopens from there', async () => {
  const { page } = await openApp(env);
  await waitState(page, (s) => s.article_count === 5 && !s.loading, 'the example project');
  await menu(page, 'File/New project');
  await waitState(page, (s) => s.article_count === 0, 'an empty project');
  await paste(page, PASTED);
  let s = await waitState(page, (s) => s.paste_open && s.menu['Paste/Add article'], 'the paste form');
  await framePresented(page);
  s = await state(page);
  await clickRect(page, s.menu['Paste/Add article']);
  await waitState(page, (s) => s.article_count === 1, 'the pasted article');
  // the example replaces it: it is kept
  await page.waitForFunction(() => window.presslens.storeWrites >= 1, null, { timeout: 10000 });  // the pasted corpus
  const writes = await page.evaluate(() => window.presslens.storeWrites);
  await menu(page, 'File/Open the example project');
  s = await waitState(page, (s) => s.article_count === 5 && s.project.recent.length === 1, 'the kept project');
  assert.deepEqual(s.project.recent, ['Untitled project']);
  // the project, the list and the example's corpus (nothing) written before the reload
  await page.waitForFunction((n) => window.presslens.storeWrites >= n + 3, writes, { timeout: 10000 });
  // and survives a reload, and reopens
  await page.reload();
  await page.waitForFunction(() => window.presslens.ready === true, null, { timeout: 30000 });
  s = await waitState(page, (s) => s.project.recent && s.project.recent.length === 1, 'the recent list after a reload');
  await menu(page, 'File/Recent projects');
  s = await waitState(page, (s) => s.menu['File/Recent/Untitled project'], 'the recent list');
  await shot(page, 'project-recent.png');
  await clickRect(page, s.menu['File/Recent/Untitled project']);
  s = await waitState(page, (s) => s.article_count === 1 && !s.loading, 'the recent project reopened');
  assert.match(s.articles[0].title, /City council votes/);
  await page.close();
});

test('a copied web page pasted: the article without the page around it, its details filled in', async () => {
  const { page } = await openApp(env);
  await waitState(page, (s) => s.article_count === 5 && !s.loading, 'the example project');
  await menu(page, 'File/New project');
  await waitState(page, (s) => s.article_count === 0, 'an empty project');
  const html = '<html lang="en"><head><title>Library to close | The Courier</title>' +
    '<meta property="og:site_name" content="The Courier"><meta property="article:published_time" content="2026-11-02T09:00:00Z">' +
    '</head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>' +
    '<article><h1>Library to close</h1><p>The city council voted on Monday to close the central library by 2027, citing the cost of repairs to its roof.</p>' +
    '<p>Opponents demand transparency about the repair estimates, which have not been published.</p></article>' +
    '<aside>Most read: Weather warning for the weekend</aside><footer>Copyright The Courier</footer></body></html>';
  await paste(page, 'Home Sport Weather Library to close The city council voted', html);
  let s = await waitState(page, (s) => s.paste_open && s.menu['Paste/Add article'], 'the paste form');
  await framePresented(page);
  await shot(page, 'project-paste-html.png');
  s = await state(page);
  await clickRect(page, s.menu['Paste/Add article']);
  s = await waitState(page, (s) => s.article_count === 1 && s.reader, 'the pasted page');
  assert.equal(s.articles[0].outlet, 'The Courier');
  assert.equal(s.articles[0].source, 'pasted-1.html');
  assert.match(s.articles[0].date, /^2026-11-02/);
  assert.ok(!s.outlets.includes('Home Sport Weather'));
  await page.close();
});

test('a view link of a project that is not open says which project and offers to open it', async () => {
  const { page } = await openApp(env, { hash: '#project=0badf00d&story=City%20council%20vote&panel=words&article=1' });
  let s = await waitState(page, (s) => s.project.missing === 'City council vote', 'the missing-project banner');
  assert.equal(s.article_count, 5);      // the example is still open...
  assert.equal(s.panel, 'matrix');       // ...and the link's view is not applied to it
  assert.equal(s.selected, -1);
  assert.ok(s.menu['Banner/Open the project file']);
  await shot(page, 'project-link-missing.png');
  await clickRect(page, s.menu['Banner/Dismiss']);
  await waitState(page, (s) => s.project.missing === '', 'the banner dismissed');
  await page.close();
});
