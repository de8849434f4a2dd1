import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, paste } from '../lib/harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist('/some/sub/path/');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the built site works from a sub-path, asking nothing of any other host', async () => {
  const { page, assertClean } = await openPage(browser, server.url);
  await paste(page, 'Served   from a sub-path.');
  assert.equal(await page.getByTestId('output').inputValue(), 'Served from a sub-path.');
  assertClean();
});
