// Screenshots of the page with the sample loaded, light and dark, and on a
// phone, for the README: `npm run screenshots --prefix e2e` after `cargo xtask build`.
import { join } from 'node:path';
import { serveDist, launch, ROOT } from '../lib/harness.mjs';

const server = await serveDist('/');
const browser = await launch();
const DESKTOP = { viewport: { width: 1400, height: 860 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
for (const [scheme, file, size] of [
  ['light', 'screenshot.png', DESKTOP],
  ['dark', 'screenshot-dark.png', DESKTOP],
  ['light', 'screenshot-phone.png', PHONE],
]) {
  const page = await browser.newPage({ colorScheme: scheme, ...size });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Try a sample' }).click();
  await page.locator('[data-testid="change"]').first().waitFor();
  const duplicate = page.locator('[data-testid="change"][data-rule="duplicate-paragraphs"]').first();
  if (size === PHONE) {
    await duplicate.scrollIntoViewIfNeeded();
    await duplicate.tap();
  } else {
    await duplicate.hover();
    await duplicate.focus();
  }
  await page.screenshot({ path: join(ROOT, 'docs', file) });
  await page.close();
}
await browser.close();
await server.close();
