// Markdown out, and pastes that bring a page's markup: the page gives the
// same bytes as the command line for the same input and settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite, paste, dropFiles, ROOT, RINSE } from '../lib/harness.mjs';

const site = useSite('/');

function cli(args, input) {
  return execFileSync(RINSE, args, { input, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

for (const name of ['pages/kiln-guide.html', 'pages/library-reopens.html']) {
  test(`${name}: switched to Markdown, the page shows what \`rinse --to markdown\` prints`, async () => {
    const input = await readFile(join(ROOT, 'fixtures', name), 'utf8');
    const { page, assertClean } = await site.open();
    await page.getByTestId('output-form').selectOption('markdown');
    await paste(page, input);
    const shown = await page.getByTestId('output').inputValue();
    const printed = cli(['--from', 'html', '--to', 'markdown'], input);
    assert.equal(shown, printed);
    assert.match(shown, /^## /m, 'headings as Markdown');
    // The diff is of the Markdown lines, each dropped block with its reason.
    const dropped = page.locator('[data-testid="change"][data-rule="html-main-content"]');
    assert.ok((await dropped.count()) >= 1);
    assert.match(await dropped.first().getAttribute('title'), /^Main content of a page: /);

    // The choice is a setting: kept across a reload, and back to text on demand.
    await page.reload();
    assert.equal(await page.getByTestId('output-form').inputValue(), 'markdown');
    await paste(page, input);
    assert.equal(await page.getByTestId('output').inputValue(), printed);
    await page.getByTestId('output-form').selectOption('text');
    await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
    assert.equal(await page.getByTestId('output').inputValue(), cli(['--from', 'html'], input));
    assertClean();
  });
}

test('the kiln guide keeps its list, table and code block in Markdown', async () => {
  const input = await readFile(join(ROOT, 'fixtures', 'pages/kiln-guide.html'), 'utf8');
  const { page, assertClean } = await site.open();
  await page.getByTestId('output-form').selectOption('markdown');
  await paste(page, input);
  const shown = await page.getByTestId('output').inputValue();
  assert.match(shown, /^3\. Coat the shelves with kiln wash:\n {3}- two thin coats/m);
  assert.match(shown, /^\| Firing \| Rate \(°C\/h\) \| Top temperature \| Hold \|\n\| --- \| --- \| --- \| --- \|$/m);
  assert.match(shown, /^```text\nPROG 2\n {2}SEG 1 {2}RATE 150 {2}TEMP 1100\n/m);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  assert.equal(download.suggestedFilename(), 'rinse.clean.md');
  await page.getByTestId('markdown-links').check();
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
  assert.equal(await page.getByTestId('output').inputValue(), cli(['--from', 'html', '--to', 'markdown', '--links'], input));
  assertClean();
});

/** Pastes into the empty text box a clipboard holding both flavours, as a copy from a browser does. */
async function pasteBoth(page, html, plain) {
  await page.getByTestId('input').evaluate((box, [html, plain]) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', plain);
    box.focus();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [html, plain]);
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
}

test('a paste with an HTML flavour is cleaned from its HTML, and the plain text is one click away', async () => {
  // What a browser puts on the clipboard for a selection: a fragment, too short to tell it is HTML.
  const html = '<meta charset="utf-8"><h2>Opening hours</h2><ul><li>Weekdays: 9 to 5</li><li>Saturday: 10 to 2</li></ul>';
  const plain = 'Opening hours\nWeekdays: 9 to 5\nSaturday: 10 to 2';
  const { page, assertClean } = await site.open();
  await pasteBoth(page, html, plain);
  assert.equal(await page.getByTestId('output').inputValue(), cli(['--from', 'html'], html));
  assert.match(await page.getByTestId('paste-source').innerText(), /cleaned from its HTML/);
  assert.match(await page.getByTestId('stats').innerText(), /^HTML page/);

  await page.getByTestId('output-form').selectOption('markdown');
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
  const markdown = await page.getByTestId('output').inputValue();
  assert.equal(markdown, cli(['--from', 'html', '--to', 'markdown'], html));
  assert.equal(markdown, '## Opening hours\n\n- Weekdays: 9 to 5\n- Saturday: 10 to 2\n');

  await page.getByTestId('paste-switch').click();
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
  assert.match(await page.getByTestId('paste-source').innerText(), /cleaned as its plain text/);
  assert.equal(await page.getByTestId('input').inputValue(), plain);
  assert.equal(await page.getByTestId('output').inputValue(), cli(['--from', 'text', '--to', 'markdown'], plain));

  await page.getByTestId('paste-switch').click();
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
  assert.equal(await page.getByTestId('output').inputValue(), markdown, 'and back to the HTML');
  // Nothing of the pasted markup reaches the page as markup.
  assert.equal(await page.locator('[data-testid="diff"] h2, [data-testid="diff"] ul, [data-testid="diff"] meta').count(), 0);

  // Typed text is text again: the note goes.
  await page.getByTestId('input').fill('Just a line.');
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
  assert.equal(await page.getByTestId('output').inputValue(), 'Just a line.');
  assert.equal(await page.getByTestId('paste-source').count(), 0);
  assertClean();
});

test('a page dropped as a file while the output is Markdown downloads as name.clean.md, as the CLI writes it', async () => {
  const input = await readFile(join(ROOT, 'fixtures', 'pages/kiln-guide.html'), 'utf8');
  const { page, assertClean } = await site.open();
  await page.getByTestId('output-form').selectOption('markdown');
  await dropFiles(page, [{ name: 'kiln.html', type: 'text/html', content: input }]);
  await page.waitForFunction(() => document.querySelector('[data-testid="file-item"]')?.dataset.status === 'done');
  const item = page.getByTestId('file-item');
  const [download] = await Promise.all([page.waitForEvent('download'), item.getByTestId('download').click()]);
  assert.equal(download.suggestedFilename(), 'kiln.clean.md');
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString('utf8'), cli(['--to', 'markdown'], input));
  assertClean();
});
