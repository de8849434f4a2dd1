// Screenshots of the page with the sample loaded, light and dark, for the
// README: `npm run screenshots --prefix e2e` after `cargo xtask build`.
import { join } from 'node:path';
import { serveDist, launch, ROOT } from '../lib/harness.mjs';

const server = await serveDist('/');
const browser = await launch();
for (const [scheme, file] of [['light', 'screenshot.png'], ['dark', 'screenshot-dark.png']]) {
  const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1400, height: 860 } });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Try a sample' }).click();
  await page.locator('[data-testid="change"]').first().waitFor();
  await page.locator('[data-testid="change"][data-rule="duplicate-paragraphs"]').first().hover();
  await page.screenshot({ path: join(ROOT, 'docs', file) });
  await page.close();
}
await browser.close();
await server.close();
