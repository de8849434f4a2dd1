// The page and the command line run the same engine: for the same input and
// the same settings (exported from the page, read by `rinse --config`) they
// give byte-identical output.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useSite, paste, ROOT, RINSE } from '../lib/harness.mjs';

const site = useSite('/');

let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rinse-identity-'));
});

/** The page's settings as the file it exports. */
async function exportSettings(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const path = join(dir, `settings-${Date.now()}.json`);
  await download.saveAs(path);
  return path;
}

function cli(args, input) {
  return execFileSync(RINSE, args, { input, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

for (const [name, from] of [['harbour-scrape.txt', 'text'], ['pages/library-reopens.html', 'html'], ['pages/forum-sidebar.html', 'html']]) {
  test(`${name}: the page and \`rinse --config\` agree byte for byte`, async () => {
    const input = await readFile(join(ROOT, 'fixtures', name), 'utf8');
    const { page, assertClean } = await site.open();
    // Settings away from the defaults: a rule off, one on, a rule of the user's.
    await page.getByTestId('rule-toggle-disclaimer').uncheck();
    await page.getByTestId('rule-toggle-straighten-quotes').check();
    await page.getByTestId('custom-add').click();
    await page.getByTestId('custom-pattern').fill('(\\d{4})');
    await page.getByTestId('custom-replacement').fill('[$1]');
    await paste(page, input);
    const shown = await page.getByTestId('output').inputValue();
    const settings = await exportSettings(page);
    assert.match(await readFile(settings, 'utf8'), /"disclaimer"/);

    const printed = cli(['--config', settings, '--from', from], input);
    assert.equal(shown, printed);
    assert.equal(cli(['--config', settings], input), printed, 'auto-detection agrees too');
    assertClean();
  });
}

test('a JSONL field cleaned by the CLI equals the same text cleaned in the page', async () => {
  const input = await readFile(join(ROOT, 'fixtures', 'harbour-scrape.txt'), 'utf8');
  const { page, assertClean } = await site.open();
  await paste(page, input);
  const shown = await page.getByTestId('output').inputValue();
  const line = cli(['--jsonl', '--field', 'body'], `${JSON.stringify({ id: 1, body: input })}\n`);
  assert.equal(JSON.parse(line).body, shown);
  assertClean();
});
