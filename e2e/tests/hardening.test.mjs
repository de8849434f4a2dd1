import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, paste, dropFiles } from '../lib/harness.mjs';

const site = useSite('/some/sub/path/');

// Each payload, if it ran, would set window.pwned or open a dialog.
const PAYLOADS = [
  '<script>window.pwned = "script"; alert(1)</script>',
  '<img src=x onerror="window.pwned = \'img\'; alert(2)">',
  '<a href="javascript:window.pwned = \'link\'">click me</a>',
  '</textarea><script>window.pwned = "textarea"</script><textarea>',
  '<svg onload="window.pwned = \'svg\'"><script>window.pwned = "svg script"</script></svg>',
  '<iframe srcdoc="<script>parent.pwned = \'iframe\'</script>"></iframe>',
  '<style>body { display: none }</style><div style="background:url(javascript:alert(3))">styled</div>',
];
const ACTIVE = '[data-testid="diff"] :is(script, img, svg, iframe, a, style, textarea), [data-testid="output"] *';

async function assertInert(page) {
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no payload ran');
  assert.equal(await page.locator(ACTIVE).count(), 0, 'no markup reached the page');
}

test('pasted markup is data: shown as text, never run', async () => {
  const { page, assertClean } = await site.open();
  for (const payload of PAYLOADS) {
    const text = `A line of ordinary prose before the payload.\n${payload}\n`;
    await paste(page, text);
    await assertInert(page);
    assert.ok((await page.getByTestId('diff').innerText()).includes(payload), `shown literally: ${payload}`);
  }
  assertClean();
});

test('page source full of payloads is read for its text alone', async () => {
  const { page, assertClean } = await site.open();
  const source = `<!doctype html><html><body><article><p>The harbour reopened on Monday after the storm.</p>${PAYLOADS.join('\n')}</article></body></html>`;
  await paste(page, source);
  await assertInert(page);
  const output = await page.getByTestId('output').inputValue();
  assert.match(output, /The harbour reopened on Monday after the storm\./);
  assert.doesNotMatch(output, /pwned/, 'script bodies are not visible text');
  assertClean();
});

test('dropped files with payloads are loaded as text, and a binary file is refused without losing the text', async () => {
  const { page, assertClean } = await site.open();
  const text = `Dropped prose stays prose.\n${PAYLOADS.slice(0, 3).join('\n')}\n`;
  await dropFiles(page, [{ name: 'payloads.txt', type: 'text/plain', content: text }]);
  await page.waitForFunction((t) => document.querySelector('[data-testid="input"]').value === t, text);
  await assertInert(page);
  assert.ok((await page.getByTestId('diff').innerText()).includes(PAYLOADS[1]));

  await dropFiles(page, [{ name: 'photo.png', type: 'image/png', content: [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d] }]);
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').innerText(), /photo\.png was not loaded: .*binary/);
  assert.equal(await page.getByTestId('input').inputValue(), text, 'the text is still there');

  await dropFiles(page, [{ name: 'page.html', type: 'text/html', content: `<html><body><p>From a dropped page.</p>${PAYLOADS.join('')}</body></html>` }]);
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').value.includes('From a dropped page.'));
  assert.equal(await page.getByTestId('error').count(), 0, 'the refusal is gone once a file loads');
  await assertInert(page);
  assertClean();
});

test('the Content-Security-Policy is in force, the site keeps to it, and it refuses what the site does not do', async () => {
  const { page, problems, assertClean } = await site.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'"]) {
    assert.ok(policy.includes(directive), `policy has ${directive}`);
  }
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  await paste(page, 'Checked   under a strict policy.');
  assert.equal(await page.getByTestId('output').inputValue(), 'Checked under a strict policy.');
  assertClean();

  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.pwned = "inline"';
    document.body.append(script);
    return window.pwned !== undefined;
  });
  assert.equal(ran, false, 'an inline script is refused');
  for (let i = 0; i < 50 && problems.length === 0; i++) await new Promise((ok) => setTimeout(ok, 20));
  assert.ok(problems.length > 0 && problems.every((p) => /Content Security Policy|CSP violation: script-src/.test(p)), problems.join('\n'));
});

test('after one visit the site works offline', async () => {
  const { page, context, assertClean } = await site.open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('input').waitFor();
  await paste(page, 'Cleaned   without a network.');
  assert.equal(await page.getByTestId('output').inputValue(), 'Cleaned without a network.');
  await context.setOffline(false);
  assertClean();
});
