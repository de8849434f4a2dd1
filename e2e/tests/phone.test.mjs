// The page on a phone (390 × 844, touch): one column, nothing wider than the
// screen, and the reason of a change shown on a tap, without rejecting it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, paste, fixture } from '../lib/harness.mjs';

const site = useSite('/');
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** Whether anything of the page reaches past the screen's right edge. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((e) => {
      const box = e.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && getComputedStyle(e).position !== 'absolute';
    });
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((e) => e.outerHTML.slice(0, 80)) };
  });
}

test('on a phone the page fits the screen, empty and with a cleaned text', async () => {
  const { page, assertClean } = await site.open(PHONE);
  assert.deepEqual(await overflow(page), { scroll: 0, wide: [] });
  await paste(page, await fixture('harbour-scrape.txt'));
  assert.deepEqual(await overflow(page), { scroll: 0, wide: [] });
  // The input and the output are both there, one above the other.
  const input = await page.getByTestId('input').boundingBox();
  await page.getByTestId('diff').scrollIntoViewIfNeeded();
  const diff = await page.getByTestId('diff').boundingBox();
  assert.ok(input.width > 300 && diff.width > 300, 'each pane takes the width of the screen');
  // Tap targets a finger can hit.
  for (const id of ['preset', 'output-form', 'copy', 'download']) {
    const box = await page.getByTestId(id).boundingBox();
    assert.ok(box.height >= 44, `${id} is ${box.height}px tall`);
  }
  assertClean();
});

test('a tap on a change shows its rule and reason; a second tap rejects it', async () => {
  const { page, assertClean } = await site.open(PHONE);
  await paste(page, await fixture('harbour-scrape.txt'));
  const reason = page.getByTestId('reason');
  assert.match(await reason.innerText(), /tap a change/);
  const change = page.locator('[data-testid="change"][data-rule="duplicate-paragraphs"]').first();
  // A removed block carries its rule's name at its start.
  assert.equal(await change.getAttribute('data-label'), 'Duplicate paragraphs');
  await change.scrollIntoViewIfNeeded();
  await change.tap();
  assert.match(await reason.innerText(), /^Duplicate paragraphs: repeats an earlier paragraph/);
  assert.equal(await change.getAttribute('aria-pressed'), 'false', 'the first tap only shows the reason');
  await change.tap();
  assert.equal(await change.getAttribute('aria-pressed'), 'true', 'the second rejects the change');
  assertClean();
});

test('with a keyboard, the focused change shows its reason', async () => {
  const { page, assertClean } = await site.open();
  await paste(page, await fixture('harbour-scrape.txt'));
  await page.getByTestId('diff').focus().catch(() => {});
  const first = page.getByTestId('change').first();
  await first.focus();
  assert.equal(await page.getByTestId('reason').innerText(), await first.getAttribute('title'));
  await page.keyboard.press('j');
  const second = page.getByTestId('change').nth(1);
  assert.equal(await page.getByTestId('reason').innerText(), await second.getAttribute('title'));
  assertClean();
});
