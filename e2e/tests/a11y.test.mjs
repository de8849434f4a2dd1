// An automated accessibility audit (axe-core) of the page in the states a
// user sees: empty, with a cleaned text, with files dropped, in both themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { useSite, paste, fixture, dropFiles } from '../lib/harness.mjs';

const site = useSite('/');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The serious and critical violations axe finds on the page as it stands. */
async function audit(page) {
  await page.evaluate(await readFile(AXE, 'utf8'));
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`no serious accessibility problems in the ${colorScheme} theme, empty, cleaned and with files`, async () => {
    // The audit's script is injected, which the site's own policy would refuse.
    const { page, assertClean } = await site.open({ colorScheme, bypassCSP: true });
    assert.deepEqual(await audit(page), [], 'the empty page');

    await paste(page, await fixture('harbour-scrape.txt'));
    await page.getByTestId('change').first().focus();
    assert.deepEqual(await audit(page), [], 'with a cleaned text');

    await page.getByTestId('output-form').selectOption('markdown');
    await paste(page, await fixture('pages/kiln-guide.html'));
    for (const view of ['Side by side', 'Text']) {
      await page.locator(`button[data-view="${view}"]`).click();
      assert.deepEqual(await audit(page), [], `Markdown, ${view}`);
    }

    await dropFiles(page, [
      { name: 'notes.txt', type: 'text/plain', content: await fixture('harbour-scrape.txt') },
      { name: 'image.png', type: 'image/png', content: [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0] },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="file-item"][data-status="cleaning"]').length === 0);
    assert.deepEqual(await audit(page), [], 'with files dropped');
    assertClean();
  });
}
