// The page under load, measured (not asserted): run after `cargo xtask build`
// with `npm run bench --prefix e2e`. Reports
//  - what a first visit fetches, each file gzipped as a host would send it,
//  - keystroke-to-updated-diff latency while typing into a 200 KB document,
//  - time to clean and show a 5 MB paste,
//  - the longest main-thread task during each,
//  - MB/s for a 100 MB JSONL file picked as a file, and the tab's peak memory.
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveDist, launch, fixture } from '../lib/harness.mjs';

const server = await serveDist('/');
const browser = await launch();
const scrape = await fixture('harbour-scrape.txt');

/**
 * About `size` bytes of scrape: the fixture again and again, the words of
 * its longer lines rotated differently in each copy so that copies are not
 * duplicates of one another, its junk lines (error page, disclaimer,
 * comments) as they are.
 */
function makeDocument(size) {
  const parts = [];
  let length = 0;
  for (let copy = 0; length < size; copy++) {
    const text = scrape
      .split('\n')
      .map((line) => {
        const words = line.split(' ');
        if (words.length < 12) return line;
        const shift = (copy * 7) % words.length;
        return [...words.slice(shift), ...words.slice(0, shift)].join(' ');
      })
      .join('\n');
    parts.push(text);
    length += text.length;
  }
  return parts.join('\n');
}

/** Pastes `text` into the input: a paste event carrying it, as the browser sends one. */
async function pasteEvent(page, text) {
  await page.evaluate((text) => {
    const input = document.querySelector('[data-testid="input"]');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (input.dispatchEvent(event)) {
      // Not taken by the page: the text goes in as the browser would put it.
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, text);
}

/** Puts `text` in the input as typing or a small paste does: one input event. */
async function pasteInto(page, text) {
  await page.evaluate((text) => {
    const input = document.querySelector('[data-testid="input"]');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

async function freshPage() {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
  await page.getByTestId('input').waitFor();
  return page;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const longTasks = (page) => page.evaluate(() => window.longTasks.splice(0).map(Math.round));
const longest = async (page) => Math.max(0, ...(await longTasks(page)));

// A first visit: every file the page fetches until it is drawn and idle, gzipped at level 9.
{
  const page = await browser.newPage();
  const fetched = [];
  page.on('response', (response) => fetched.push(response));
  await page.goto(server.url, { waitUntil: 'networkidle' });
  await page.getByTestId('input').waitFor();
  let total = 0;
  const sizes = [];
  for (const response of fetched) {
    const body = await response.body().catch(() => Buffer.alloc(0));
    const gzipped = gzipSync(body, { level: 9 }).length;
    total += gzipped;
    sizes.push(`${new URL(response.url()).pathname.split('/').pop() || 'index.html'} ${(gzipped / 1024).toFixed(0)} KB`);
  }
  console.log(`a first visit fetches ${fetched.length} files, ${(total / 1024).toFixed(0)} KB gzipped (${sizes.join(', ')})`);
  await page.close();
}

// Typing: each key, from the input event to the diff showing the new text.
{
  const page = await freshPage();
  const text = makeDocument(200 * 1024);
  await pasteInto(page, text);
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').value.length > 0, null, { timeout: 120000 });
  await longest(page);
  const latencies = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="input"]');
    const diff = document.querySelector('[data-testid="diff"]');
    const results = [];
    for (let i = 0; i < 20; i++) {
      const marker = `typed${i}x`;
      const shown = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (diff.textContent.includes(marker)) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(diff, { childList: true, subtree: true, characterData: true });
      });
      const started = performance.now();
      input.value = `${input.value}\n${marker}`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await shown;
      results.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return results;
  });
  const changes = await page.locator('[data-testid="change"]').count();
  console.log(`typing into 200 KB (${changes} changes drawn): median ${median(latencies).toFixed(1)} ms, worst ${Math.max(...latencies).toFixed(1)} ms per keystroke; longest task ${(await longest(page)).toFixed(0)} ms`);
  await page.close();
}

// Pasting 5 MB: from the paste to the output holding the cleaned text.
{
  const page = await freshPage();
  const text = makeDocument(5 * 1024 * 1024);
  await longest(page);
  const started = Date.now();
  await pasteEvent(page, text);
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').value.length > 0, null, { timeout: 600000 });
  const seconds = (Date.now() - started) / 1000;
  const tasks = await longTasks(page);
  console.log(`pasting ${(text.length / 1e6).toFixed(1)} MB: cleaned and shown in ${seconds.toFixed(2)} s; longest task ${Math.max(0, ...tasks)} ms (tasks over 50 ms: ${tasks.join(', ')} ms)`);
  await page.close();
}

/** The largest peak resident memory (VmHWM) of Chromium's renderer processes, in MB (Linux). */
function rendererPeakMegabytes() {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return peak;
}

// A 100 MB JSONL file: records of scrape text, each distinct.
{
  const page = await freshPage();
  const base = makeDocument(4096);
  const lines = [];
  let size = 0;
  for (let i = 0; size < 100 * 1024 * 1024; i++) {
    const line = JSON.stringify({ id: i, text: base.replace(/\.$/m, ` (record ${i}).`), source: 'bench' });
    lines.push(line);
    size += line.length + 1;
  }
  const path = join(tmpdir(), 'rinse-bench.jsonl');
  await writeFile(path, lines.join('\n') + '\n');
  await longest(page);
  const started = Date.now();
  await page.getByTestId('file-input').setInputFiles(path);
  await page.waitForFunction(() => document.querySelector('[data-testid="file-item"]')?.dataset.status === 'done', null, { timeout: 1800000, polling: 1000 });
  const seconds = (Date.now() - started) / 1000;
  console.log(`a ${(size / 1e6).toFixed(0)} MB JSONL file (${lines.length} records): ${(size / 1e6 / seconds).toFixed(1)} MB/s in the page (${seconds.toFixed(1)} s); longest task ${await longest(page)} ms; renderer peak memory ${rendererPeakMegabytes().toFixed(0)} MB`);
  await page.close();
}

await browser.close();
await server.close();
