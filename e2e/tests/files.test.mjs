import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { useSite, pickFiles, dropFiles, ROOT, RINSE } from '../lib/harness.mjs';

const site = useSite('/');

let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rinse-files-'));
});

/** The files of a zip archive, by name (stored or deflated entries). */
function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const scrape = (await readFile(join(ROOT, 'fixtures', 'harbour-scrape.txt'), 'utf8'));
const page = (await readFile(join(ROOT, 'fixtures', 'pages', 'library-reopens.html'), 'utf8'));
const rows = [
  { id: 1, text: 'First   record with  extra spaces.', lang: 'en' },
  { id: 2, text: scrape, lang: 'en' },
  'this line is not JSON',
  { id: 4, body: 'no text field here' },
  { id: 5, text: '<p>A record that holds page source.</p><p>Second paragraph of it.</p>', lang: 'fr' },
  // Written by hand: a number beyond a float's precision, an escape and spacing, all kept.
  '{"id": 123456789012345678901234567890, "text": "Caf\\u00e9   kept.", "score": 1e5}',
];
const jsonl = rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const FILES = [
  { name: 'scrape.txt', type: 'text/plain', content: scrape },
  { name: 'library.html', type: 'text/html', content: page },
  { name: 'notes.md', type: 'text/markdown', content: '# Notes\n\nSome   notes with   spaces.\nSome   notes with   spaces.\n' },
  { name: 'corpus.jsonl', type: 'application/jsonl', content: jsonl },
  // A line in Latin-1 among UTF-8 ones: reported, and passed through byte for byte.
  { name: 'legacy.jsonl', type: 'application/jsonl', content: Buffer.concat([Buffer.from('{"text":"Caf'), Buffer.from([0xe9]), Buffer.from('  au   lait"}\n{"text":"Tea  time"}\n')]) },
  { name: 'photo.png', type: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
];

async function cliOutput(file) {
  const path = join(dir, file.name);
  await writeFile(path, file.content);
  const args = file.name.endsWith('.jsonl') ? ['--jsonl', '--keep-going', path] : [path];
  return execFileSync(RINSE, args, { stdio: ['ignore', 'pipe', 'ignore'] });
}

test('many files at once: an item each, a binary one refused while the others finish, and a zip equal to the CLI byte for byte', async () => {
  const { page: tab, assertClean } = await site.open();
  await pickFiles(tab, FILES);
  const items = tab.getByTestId('file-item');
  await tab.waitForFunction(() => {
    const items = [...document.querySelectorAll('[data-testid="file-item"]')];
    return items.length === 6 && items.every((i) => i.dataset.status !== 'cleaning');
  });
  const byName = async (name) => items.filter({ hasText: name });
  assert.equal(await (await byName('scrape.txt')).getAttribute('data-kind'), 'text');
  assert.equal(await (await byName('library.html')).getAttribute('data-kind'), 'HTML');
  assert.equal(await (await byName('notes.md')).getAttribute('data-kind'), 'Markdown');
  assert.equal(await (await byName('corpus.jsonl')).getAttribute('data-kind'), 'JSONL');
  assert.match(await (await byName('scrape.txt')).innerText(), /UTF-8[\s\S]*done: \d+\.\d% removed/);
  const binary = await byName('photo.png');
  assert.equal(await binary.getAttribute('data-status'), 'error');
  assert.match(await binary.innerText(), /binary file/);
  assert.match(await (await byName('legacy.jsonl')).innerText(), /line 1: not UTF-8/);
  for (const name of ['scrape.txt', 'library.html', 'notes.md', 'corpus.jsonl', 'legacy.jsonl']) {
    assert.equal(await (await byName(name)).getAttribute('data-status'), 'done', name);
  }
  const worker = tab.workers().find((w) => w.url().endsWith('/worker.js'));
  assert.ok(worker, 'files are cleaned in a web worker');
  // The page's own module started there and listens (a failed start leaves no handler).
  assert.equal(await worker.evaluate(() => typeof self.onmessage), 'function');

  const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('download-all').click()]);
  assert.equal(download.suggestedFilename(), 'rinse-clean.zip');
  const zipPath = join(dir, 'all.zip');
  await download.saveAs(zipPath);
  const archive = unzip(await readFile(zipPath));
  assert.deepEqual([...archive.keys()].sort(), ['corpus.jsonl', 'legacy.jsonl', 'library.html', 'notes.md', 'scrape.txt']);
  for (const file of FILES.slice(0, 5)) {
    const cli = await cliOutput(file);
    assert.ok(archive.get(file.name).equals(cli), `${file.name} as the CLI cleans it:\n${archive.get(file.name)}\n---\n${cli}`);
  }

  const [one] = await Promise.all([tab.waitForEvent('download'), (await byName('notes.md')).getByTestId('download').click()]);
  assert.equal(one.suggestedFilename(), 'notes.clean.md');
  const [page] = await Promise.all([tab.waitForEvent('download'), (await byName('library.html')).getByTestId('download').click()]);
  assert.equal(page.suggestedFilename(), 'library.clean.txt', 'a page read to its text is text');
  assertClean();
});

test('a dropped page says its kind and what told it', async () => {
  const { page: tab, assertClean } = await site.open();
  const listing = await readFile(join(ROOT, 'fixtures', 'pages', 'walks-listing.html'), 'utf8');
  await dropFiles(tab, [
    { name: 'walks.html', type: 'text/html', content: listing },
    { name: 'library.html', type: 'text/html', content: page },
  ]);
  await tab.waitForFunction(() => {
    const items = [...document.querySelectorAll('[data-testid="file-item"]')];
    return items.length === 2 && items.every((i) => i.dataset.status === 'done');
  });
  const items = tab.getByTestId('file-item');
  assert.match(await items.filter({ hasText: 'walks.html' }).innerText(), /done: \d+\.\d% removed · page kind: listing \(its address has \/tag\/\)/);
  assert.doesNotMatch(await items.filter({ hasText: 'library.html' }).innerText(), /page kind/, 'a page that tells nothing of its kind');
  assertClean();
});

test('a malformed JSONL line is reported by number and passed through; the rest is cleaned, and the field can be chosen', async () => {
  const { page: tab, assertClean } = await site.open();
  await dropFiles(tab, [{ name: 'corpus.jsonl', type: 'application/jsonl', content: jsonl }]);
  const item = tab.getByTestId('file-item');
  await tab.waitForFunction(() => document.querySelector('[data-testid="file-item"]')?.dataset.status === 'done');
  assert.match(await item.getByTestId('malformed').innerText(), /line 3: not valid JSON.*passed through unchanged/);
  assert.match(await item.innerText(), /4 records cleaned, 1 without the field passed through/);
  assert.equal(await tab.getByTestId('input').inputValue(), '', 'a JSONL file is not put in the text box');

  const [download] = await Promise.all([tab.waitForEvent('download'), item.getByTestId('download').click()]);
  const path = join(dir, 'one.jsonl');
  await download.saveAs(path);
  const lines = (await readFile(path, 'utf8')).split('\n');
  assert.equal(lines[2], 'this line is not JSON');
  assert.deepEqual(JSON.parse(lines[0]), { id: 1, text: 'First record with extra spaces.', lang: 'en' });
  assert.deepEqual(JSON.parse(lines[3]), { id: 4, body: 'no text field here' });
  assert.equal(lines[5], '{"id": 123456789012345678901234567890, "text": "Café kept.", "score": 1e5}', 'only the field changes');

  assert.deepEqual(await item.getByTestId('file-field').locator('option').allInnerTexts(), ['text', 'lang']);
  await item.getByTestId('file-field').selectOption('lang');
  await tab.waitForFunction(() => document.querySelector('[data-testid="file-item"]')?.dataset.status === 'done');
  assert.match(await tab.getByTestId('file-item').innerText(), /3 records cleaned/);
  await item.getByTestId('file-field').selectOption('text');

  // Under the corpus preset, records the filters reject can be left out, as `--drop-rejected` does.
  assert.ok(!(await tab.getByTestId('drop-rejected').isVisible()));
  await tab.getByTestId('preset').selectOption('corpus');
  await tab.getByTestId('drop-rejected').check();
  await tab.waitForFunction(() => /left out by the corpus filters/.test(document.querySelector('[data-testid="file-item"]')?.innerText ?? ''));
  await tab.waitForFunction(() => document.querySelector('[data-testid="file-item"]')?.dataset.status === 'done');
  const [filtered] = await Promise.all([tab.waitForEvent('download'), tab.getByTestId('file-item').getByTestId('download').click()]);
  const filteredPath = join(dir, 'filtered.jsonl');
  await filtered.saveAs(filteredPath);
  const inputPath = join(dir, 'corpus.jsonl');
  await writeFile(inputPath, jsonl);
  const cli = execFileSync(RINSE, ['--jsonl', '--keep-going', '--preset', 'corpus', '--drop-rejected', inputPath], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
  assert.equal(await readFile(filteredPath, 'utf8'), cli);
  assertClean();
});
