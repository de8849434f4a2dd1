import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, paste } from '../lib/harness.mjs';

const site = useSite('/some/sub/path/');

test('the built site works from a sub-path, asking nothing of any other host', async () => {
  const { page, assertClean } = await site.open();
  await paste(page, 'Served   from a sub-path.');
  assert.equal(await page.getByTestId('output').inputValue(), 'Served from a sub-path.');
  assertClean();
});
