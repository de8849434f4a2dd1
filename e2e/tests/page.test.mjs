import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, paste, fixture } from '../lib/harness.mjs';

const site = useSite('/');

const FIRST = 'The night ferry left the harbour an hour late because of the fog.';
const SECOND = 'Passengers were offered coffee and a refund of half the fare.';
// A scrape: two paragraphs said twice, amid menus and share prompts (a clean text's repeats are kept).
const MENUS = ['Home | News | Sport | Weather', 'World | Business | Science | Travel'];
const FOOTER = ['Share on Facebook', 'Share on X', 'Privacy | Terms | Contact'];
const TEXT = [...MENUS, FIRST, 'Crew members said the radar had failed.', SECOND, FIRST, 'The ferry arrived at dawn.', SECOND, ...FOOTER].join('\n');

const output = (page) => page.getByTestId('output').inputValue();
const count = (text, part) => text.split(part).length - 1;

test('rejecting a change brings its text back, and restoring it takes it out again; keys do the same', async () => {
  const { page, assertClean } = await site.open();
  await paste(page, TEXT);
  const duplicates = page.locator('[data-testid="change"][data-rule="duplicate-paragraphs"]');
  assert.equal(await duplicates.count(), 2);
  assert.equal(count(await output(page), FIRST), 1);

  await duplicates.first().click();
  assert.equal(count(await output(page), FIRST), 2, 'the rejected copy is back');
  assert.equal(count(await output(page), SECOND), 1, 'the other change still stands');
  assert.equal(await duplicates.first().getAttribute('aria-pressed'), 'true');
  await duplicates.first().click();
  assert.equal(count(await output(page), FIRST), 1, 'restored');

  await duplicates.first().focus();
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rule), 'duplicate-paragraphs');
  assert.ok(await duplicates.nth(1).evaluate((el) => el === document.activeElement), 'j moves to the next change');
  await page.keyboard.press('Enter');
  assert.equal(count(await output(page), SECOND), 2, 'Enter rejects the focused change');
  await page.keyboard.press('k');
  assert.ok(await duplicates.first().evaluate((el) => el === document.activeElement), 'k moves back');
  assertClean();
});

test('the views: inline, side by side and text, by tab or by the v key', async () => {
  const { page, assertClean } = await site.open();
  await paste(page, TEXT);
  await page.locator('[data-view="Side by side"]').click();
  const columns = page.locator('[data-testid="diff"] .column');
  assert.equal(await columns.count(), 2);
  assert.equal(count(await columns.nth(0).innerText(), FIRST), 2, 'before holds both copies');
  assert.equal(count(await columns.nth(1).innerText(), FIRST), 1, 'after holds one');
  await page.locator('[data-testid="diff"] .change').first().focus();
  await page.keyboard.press('v');
  assert.ok(await page.getByTestId('output').isVisible(), 'v shows the text');
  assert.ok(!(await page.getByTestId('diff').isVisible()));
  await page.getByTestId('output').focus();
  await page.keyboard.press('v');
  assert.ok(await page.getByTestId('diff').isVisible(), 'and v again the inline changes');
  assertClean();
});

test('long unchanged stretches fold, and open on request', async () => {
  const { page, assertClean } = await site.open();
  // Distinct words, not numbers: digits are folded when lines are compared for duplicates.
  const words = 'amber birch cedar delta ember fjord grove heath inlet juniper kestrel larch maple nettle orchid pine quarry rowan sorrel thistle'.split(' ');
  const lines = words.flatMap((w) => [`The ${w} path runs north of the old mill.`, `Nobody walks the ${w} path after dark.`]);
  await paste(page, `${lines.join('\n')}\nA   line   to   fix.`);
  const fold = page.locator('[data-testid="diff"] button.fold');
  assert.equal(await fold.innerText(), 'show 35 more lines');
  assert.doesNotMatch(await page.getByTestId('diff').innerText(), /The maple path/);
  await fold.click();
  assert.match(await page.getByTestId('diff').innerText(), /The maple path/);
  assertClean();
});

test('presets switch rule sets', async () => {
  const { page, assertClean } = await site.open();
  await paste(page, TEXT);
  const dedup = page.getByTestId('rule-toggle-duplicate-paragraphs');
  const c4 = page.getByTestId('rule-toggle-c4-lines');
  assert.ok(await dedup.isChecked());
  assert.ok(!(await c4.isChecked()));
  await page.getByTestId('preset').selectOption('minimal');
  assert.ok(!(await dedup.isChecked()), 'minimal removes nothing');
  assert.equal(await output(page), TEXT);
  assert.doesNotMatch(await page.getByTestId('stats').innerText(), /verdict/);
  await page.getByTestId('preset').selectOption('corpus');
  assert.ok(await dedup.isChecked() && (await c4.isChecked()), 'corpus adds the document filters');
  assert.equal(count(await output(page), FIRST), 1);
  assert.match(await page.getByTestId('stats').innerText(), /corpus verdict: drop \(.*words/, 'a six-line text is too short for a corpus');
  assertClean();
});

test('a bad custom pattern is named in the error and the last good output stays', async () => {
  const { page, assertClean } = await site.open();
  await paste(page, 'Price: 12 EUR today.\nPrice: 30 EUR tomorrow.');
  await page.getByTestId('custom-add').click();
  await page.getByTestId('custom-pattern').fill('(\\d+) EUR');
  await page.getByTestId('custom-replacement').fill('€$1');
  assert.equal(await output(page), 'Price: €12 today.\nPrice: €30 tomorrow.');
  assert.equal(await page.locator('[data-testid="change"][data-rule="custom"]').count(), 2);

  await page.getByTestId('custom-pattern').fill('(\\d+ EUR');
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').innerText(), /custom\[0\].*(unclosed|parse)/);
  assert.equal(await page.getByRole('alert').count(), 1);
  assert.equal(await output(page), 'Price: €12 today.\nPrice: €30 tomorrow.', 'the last good output stays');

  await page.getByTestId('custom-pattern').fill('^Price: 30.*$');
  await page.getByTestId('custom-action').selectOption('drop-line');
  assert.equal(await page.getByTestId('error').count(), 0);
  assert.equal(await output(page), 'Price: 12 EUR today.\n');
  assertClean();
});

test('settings survive a reload, and a share link carries them (and never the text) to a fresh browser', async () => {
  const { page, context, assertClean } = await site.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  await paste(page, TEXT);
  await page.getByTestId('rule-toggle-duplicate-paragraphs').uncheck();
  await page.getByTestId('rule-toggle-urls').check();
  await page.reload();
  await page.getByTestId('input').waitFor();
  assert.ok(!(await page.getByTestId('rule-toggle-duplicate-paragraphs').isChecked()));
  assert.ok(await page.getByTestId('rule-toggle-urls').isChecked());
  assert.equal(await page.getByTestId('input').inputValue(), '', 'the text is not stored');

  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(link, /#config=/);
  assert.ok(!link.includes('ferry'), 'settings only');
  assertClean();

  const fresh = await site.openAt(link);
  assert.ok(!(await fresh.page.getByTestId('rule-toggle-duplicate-paragraphs').isChecked()));
  assert.ok(await fresh.page.getByTestId('rule-toggle-urls').isChecked());
  await paste(fresh.page, TEXT);
  assert.equal(count(await output(fresh.page), FIRST), 2, 'duplicates stay, as the shared settings say');
  fresh.assertClean();
  await fresh.context.close();
});

test('settings export as the CLI JSON and import back; a bad file is refused with its reason', async () => {
  const { page, assertClean } = await site.open();
  await page.getByTestId('preset').selectOption('minimal');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  assert.equal(download.suggestedFilename(), 'rinse-settings.json');
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  assert.deepEqual(exported, { preset: 'minimal' });

  await page.getByTestId('import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"rules":{"no-such-rule":{}}}') });
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').innerText(), /bad\.json was not imported: rules\.no-such-rule/);
  assert.equal(await page.getByTestId('preset').inputValue(), 'minimal', 'the settings stay');

  await page.getByTestId('import').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from('{"preset":"corpus"}') });
  await page.waitForFunction(() => document.querySelector('[data-testid="preset"]').value === 'corpus');
  assert.equal(await page.getByTestId('error').count(), 0);
  assertClean();
});

test('a large paste is cleaned in the worker and set aside from the text box, and can come back to be edited', async () => {
  const { page, assertClean } = await site.open();
  // Over a megabyte, each paragraph distinct, a block of three printed again in the middle.
  // Names made of letters only: digits are folded when lines are compared.
  const name = (i) => i.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[d]);
  const paragraphs = Array.from({ length: 16000 }, (_, i) => `Paragraph ${name(i)} of the long report, with words enough to be a line of prose.`);
  paragraphs.splice(6000, 0, ...paragraphs.slice(10, 13));
  const text = paragraphs.join('\n');
  assert.ok(text.length > 1024 * 1024);
  await page.evaluate((text) => {
    const input = document.querySelector('[data-testid="input"]');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.getByTestId('set-aside').waitFor();
  assert.match(await page.getByTestId('set-aside').innerText(), /A 1\.\d MB text is loaded/);
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').value.length > 0 && !document.querySelector('[data-busy="true"]'));
  const cleaned = await page.getByTestId('output').inputValue();
  assert.equal(cleaned, paragraphs.filter((_, i) => i < 6000 || i >= 6003).join('\n'), 'the repeated block is gone, nothing else');
  // The page's own module runs in the worker and listens (a failed start leaves no handler).
  const worker = page.workers().find((w) => w.url().endsWith('/worker.js'));
  assert.ok(worker, 'a worker was started');
  assert.equal(await worker.evaluate(() => typeof self.onmessage), 'function');
  assert.equal(await page.locator('[data-testid="change"][data-rule="repeated-body"]').count(), 1);

  await page.getByRole('button', { name: 'Show it here to edit' }).click();
  assert.equal(await page.getByTestId('input').inputValue(), text);
  assert.equal(await page.getByTestId('set-aside').count(), 0);

  // A real paste of a long text is taken before it reaches the text box.
  const taken = await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const input = document.querySelector('[data-testid="input"]');
    return !input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `${text}\nOne more paragraph at the end of the report, pasted anew.`);
  assert.ok(taken, 'the page took the paste');
  await page.getByTestId('set-aside').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').value.endsWith('pasted anew.') && !document.querySelector('[data-busy="true"]'));
  assert.equal(await page.getByTestId('input').inputValue(), '', 'the text box was spared it');
  assertClean();
});

test('the theme follows the system until the toggle sets it, and stays set', async () => {
  const { page, assertClean } = await site.open({ colorScheme: 'dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.getByTestId('theme').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  const light = await background();
  assert.notEqual(light, dark);
  await page.reload();
  await page.getByTestId('input').waitFor();
  assert.equal(await background(), light, 'kept after a reload');
  await page.getByTestId('theme').click();
  assert.equal(await background(), dark);
  await page.getByTestId('theme').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined, 'back to the system');
  assertClean();
});

test('the rules panel lists first the rules that changed this text, most changes first', async () => {
  const { page, assertClean } = await site.open();
  assert.equal(await page.getByTestId('rules-used').innerText(), 'Nothing yet.');
  await paste(page, await fixture('harbour-scrape.txt'));
  const rows = (await page.locator('[data-testid="rules-used"] li').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
  assert.ok(rows.length >= 3, rows.join(' | '));
  const counts = rows.map((row) => Number(row.split(/\s+/).pop()));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most changes first');
  const duplicates = rows.find((row) => row.startsWith('Duplicate paragraphs'));
  assert.equal(duplicates, `Duplicate paragraphs ${await page.getByTestId('rule-count-duplicate-paragraphs').innerText()}`);
  assertClean();
});
