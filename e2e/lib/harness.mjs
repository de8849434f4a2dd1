// Shared set-up for the end-to-end tests: a static server for dist/ on
// 127.0.0.1, headless Chromium that may reach nothing else, and a page that
// fails the test on any console error or page error.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = join(ROOT, 'dist');
/** The release CLI, built by the test command before these tests. */
export const RINSE = join(ROOT, 'target/release/rinse');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves dist/ under `base` (a path such as "/" or "/some/sub/path/"). */
export async function serveDist(base = '/') {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname.slice(base.length)));
    if (path === '.' || path.endsWith('/')) path = join(path, 'index.html');
    const file = join(DIST, path);
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * The site served under `base` and a browser, for the tests of one file:
 * started before them, closed after. `open()` gives a fresh page on the
 * site, `openAt(url)` one on another address of it.
 */
export function useSite(base = '/') {
  const site = {
    get url() {
      return site.server.url;
    },
    open: (contextOptions) => openPage(site.browser, site.server.url, contextOptions),
    openAt: (url) => openPage(site.browser, url),
  };
  before(async () => {
    site.server = await serveDist(base);
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * A fresh page on the served site. Requests that leave 127.0.0.1 are
 * blocked and recorded; console errors (Content-Security-Policy violations
 * among them) and page errors are recorded too.
 * Call `assertClean()` at the end of a test.
 */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  // Every Content-Security-Policy violation becomes a console error, which fails the test.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.protocol === 'data:' || target.protocol === 'blob:' || target.hostname === '127.0.0.1') {
      return route.continue();
    }
    problems.push(`request left the machine: ${target.href}`);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    dialog.dismiss();
  });
  await page.goto(url);
  await page.getByTestId('input').waitFor();
  return {
    page,
    context,
    problems,
    assertClean() {
      if (problems.length) throw new Error(problems.join('\n'));
    },
  };
}

/** Replaces the input's text as a paste would, and waits for the page to settle. */
export async function paste(page, text) {
  await page.getByTestId('input').fill(text);
  await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
}

export async function fixture(name) {
  return readFile(join(ROOT, 'fixtures', name), 'utf8');
}

/** Drops files (`[{ name, type, content }]`, content a string or byte array) onto the drop zone. */
export async function dropFiles(page, files) {
  const transfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const { name, type, content } of files) {
      const body = typeof content === 'string' ? content : new Uint8Array(content);
      transfer.items.add(new File([body], name, { type }));
    }
    return transfer;
  }, files);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

/** Picks files (`[{ name, type, content }]`) with the file input. */
export async function pickFiles(page, files) {
  await page.getByTestId('file-input').setInputFiles(
    files.map(({ name, type, content }) => ({ name, mimeType: type, buffer: Buffer.from(content) })),
  );
}
