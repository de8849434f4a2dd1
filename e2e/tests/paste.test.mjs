import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { useSite, paste, fixture, RINSE } from '../lib/harness.mjs';

const site = useSite('/');

test('a pasted scrape comes out with each paragraph once, and the removed copies are marked', async () => {
  const scrape = await fixture('harbour-scrape.txt');
  const expected = await fixture('harbour-clean.txt');
  const { page, assertClean } = await site.open();
  await paste(page, scrape);

  const output = await page.getByTestId('output').inputValue();
  assert.equal(output, expected);
  const paragraphs = expected.split('\n').filter((line) => line.length > 0);
  assert.ok(paragraphs.length >= 5, 'the fixture has article paragraphs');
  for (const paragraph of paragraphs) {
    assert.equal(output.split(paragraph).length - 1, 1, `once in output: ${paragraph.slice(0, 40)}…`);
  }

  const duplicates = page.locator('[data-testid="change"][data-rule="duplicate-paragraphs"]');
  assert.equal(await duplicates.count(), 3);
  for (const change of await duplicates.all()) {
    assert.equal(await change.getAttribute('data-kind'), 'delete');
    assert.match(await change.getAttribute('title'), /Duplicate paragraphs: repeats an earlier paragraph/);
    assert.ok(paragraphs.includes((await change.innerText()).trim()), 'the change shows the removed paragraph');
  }
  for (const rule of ['error-page', 'disclaimer', 'comments-section']) {
    const changes = page.locator(`[data-testid="change"][data-rule="${rule}"]`);
    assert.ok((await changes.count()) >= 1, `a change by ${rule}`);
  }
  assertClean();
});

test('pasted page source becomes its article, each dropped block marked with its reason', async () => {
  const source = await fixture('pages/library-reopens.html');
  const expected = await fixture('pages/library-reopens.clean.txt');
  const { page, assertClean } = await site.open();
  await paste(page, source);
  assert.equal(await page.getByTestId('output').inputValue(), expected);
  assert.match(await page.getByTestId('stats').innerText(), /^HTML page/);
  const nav = page.locator('[data-testid="change"][data-rule="html-main-content"][title$="inside <nav>"]');
  assert.equal(await nav.count(), 1);
  assert.match(await nav.innerText(), /News\s+Sport\s+Weather/);
  assert.equal(await page.locator('[data-testid="diff"] nav, [data-testid="diff"] script, [data-testid="diff"] form').count(), 0);
  assertClean();
});

test('a page read line by line says so, from the worker and on the page alike', async () => {
  const source = await fixture('pages/pier-notes.html');
  const expected = await fixture('pages/pier-notes.clean.txt');
  // A comment makes it large enough for the worker, leaving its text as it was.
  const large = source.replace('<body>', `<body><!--${'x'.repeat(300 * 1024)}-->`);
  const output = () => page.getByTestId('output').inputValue();
  const { page, assertClean } = await site.open();
  await paste(page, large);
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').value.length > 0);
  assert.equal(await output(), expected);
  assert.match(await page.getByTestId('reading-note').innerText(), /read line by line: the block its structure points to keeps \d+ %/);
  await paste(page, source);
  assert.equal(await output(), expected);
  assert.match(await page.getByTestId('reading-note').innerText(), /read line by line/);
  // A page its structure reads well carries no note.
  await paste(page, await fixture('pages/library-reopens.html'));
  assert.equal(await output(), await fixture('pages/library-reopens.clean.txt'));
  assert.equal(await page.getByTestId('reading-note').count(), 0);
  assertClean();
});

test('a page kind picked by hand is used and shown, as rinse --kind reads it', async () => {
  const source = await fixture('pages/library-reopens.html');
  const cli = (args) => execFileSync(RINSE, ['--from', 'html', ...args], { input: source }).toString('utf8');
  const { page, assertClean } = await site.open();
  await page.getByTestId('page-kind-select').selectOption('forum');
  await paste(page, source);
  assert.equal(await page.getByTestId('output').inputValue(), cli(['--kind', 'forum']));
  assert.equal(await page.getByTestId('page-kind').innerText(), ' · page kind: forum (set by hand)');
  assert.match(await page.getByTestId('reading-note').innerText(), /read as a discussion \(set by hand\)/);
  // Back to what the page says of itself: nothing, so no kind is shown.
  await page.getByTestId('page-kind-select').selectOption('');
  await page.waitForFunction(() => !document.querySelector('[data-testid="page-kind"]'));
  assert.equal(await page.getByTestId('output').inputValue(), await fixture('pages/library-reopens.clean.txt'));
  assert.equal(await page.getByTestId('reading-note').count(), 0);
  assertClean();
});

test('a small paste right after a large one is not overwritten by the large one\'s late result', async () => {
  const library = await fixture('pages/library-reopens.html');
  const { page, assertClean } = await site.open();
  const large = (await fixture('pages/pier-notes.html')).replace('<body>', `<body><!--${'x'.repeat(300 * 1024)}-->`);
  await page.getByTestId('input').fill(large);
  await page.getByTestId('input').fill(library);
  // Long enough for the worker to have answered, had it been asked.
  await page.waitForTimeout(1500);
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
  assert.equal(await page.getByTestId('output').inputValue(), await fixture('pages/library-reopens.clean.txt'));
  assertClean();
});

test('the diff follows the text as it is typed', async () => {
  const { page, assertClean } = await site.open();
  const input = page.getByTestId('input');
  await input.pressSequentially('Hello    world   ');
  assert.equal(await page.getByTestId('output').inputValue(), 'Hello world');
  assert.ok((await page.getByTestId('change').count()) >= 2);
  await input.press('End');
  await input.pressSequentially('again');
  assert.equal(await page.getByTestId('output').inputValue(), 'Hello world again');
  assert.match(await page.getByTestId('stats').innerText(), /after 17 chars/);
  assertClean();
});

test('scraped markup is shown as text, never run', async () => {
  const { page, assertClean } = await site.open();
  await paste(page, 'Intro line here.\n<img src=x onerror="alert(1)">   <script>alert(2)</script>\n');
  assert.equal(await page.locator('[data-testid="diff"] img, [data-testid="diff"] script').count(), 0);
  assert.match(await page.getByTestId('diff').innerText(), /<img src=x onerror="alert\(1\)">/);
  assertClean();
});

test('turning a rule off brings back what it removed, and its count follows', async () => {
  const first = 'The night ferry left the harbour an hour late because of the fog.';
  const second = 'Passengers were offered coffee and a refund of half the fare.';
  const article = [first, 'Crew members said the radar had failed.', second, first, 'The ferry arrived at dawn.', second].join('\n');
  // A scrape: the menus and prompts around the article show it is one (a clean text's repeats are kept).
  const text = ['Home | News | Sport | Weather', 'World | Business | Science | Travel', article, 'Share on Facebook', 'Share on X', 'Privacy | Terms | Contact'].join('\n');
  const { page, assertClean } = await site.open();
  await paste(page, text);
  const count = page.getByTestId('rule-count-duplicate-paragraphs');
  const output = () => page.getByTestId('output').inputValue();
  assert.equal(await count.innerText(), '2');
  assert.equal((await output()).split(first).length - 1, 1);

  await page.getByTestId('rule-toggle-duplicate-paragraphs').uncheck();
  assert.equal(await output(), `${article}\n`, 'both copies of each paragraph are back');
  assert.equal(await count.innerText(), '0');
  assert.equal(await page.locator('[data-rule="duplicate-paragraphs"]').count(), 0);

  await page.getByTestId('rule-toggle-duplicate-paragraphs').check();
  assert.equal((await output()).split(second).length - 1, 1);
  assertClean();
});

test('the cleaned text can be copied and downloaded as it stands in the output', async () => {
  const { page, context, assertClean } = await site.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  await paste(page, 'First   line.\n\n\n\nSecond line.  ');
  const output = await page.getByTestId('output').inputValue();
  assert.equal(output, 'First line.\n\nSecond line.');

  await page.getByTestId('copy').click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), output);
  assert.equal(await page.getByTestId('copy').innerText(), 'Copied');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  assert.equal(download.suggestedFilename(), 'rinse.clean.txt');
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString('utf8'), output);

  await paste(page, 'Something else.');
  assert.equal(await page.getByTestId('copy').innerText(), 'Copy', 'the label follows the output');
  assertClean();
});
