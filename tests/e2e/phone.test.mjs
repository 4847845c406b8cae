// Phones first: no horizontal scrolling at 320 px, the filters folded behind a
// button, touch targets at least 44 px high.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './helpers.mjs';

const ctx = useBrowser();

const phone = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

test('no horizontal scrolling at 320 px, in every view', async () => {
  const page = await ctx.open('', phone);
  const views = await page.$$eval('nav.views a.tab', (as) => as.map((a) => a.getAttribute('href')));
  for (const view of ['', ...views]) {
    await page.goto(new URL(view, ctx.server.url).href);
    await page.waitForSelector('main#app[data-ilo-ready] h1');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${view || 'full report'}: scrollWidth ${width}`);
  }
});

test('the filters fold behind a button and open on tap', async () => {
  const page = await ctx.open('', phone);
  assert.ok(await page.isVisible('button.filters-toggle'));
  assert.equal(await page.isVisible('#filters'), false);
  assert.equal(await page.getAttribute('button.filters-toggle', 'aria-expanded'), 'false');
  await page.tap('button.filters-toggle');
  await page.waitForSelector('#filters', { state: 'visible' });
  assert.equal(await page.getAttribute('button.filters-toggle', 'aria-expanded'), 'true');
  await page.tap('#filters label:has(input[name="theme"][value="skills"])');
  await page.waitForURL(/theme=skills/);
  assert.match(await page.textContent('button.filters-toggle'), /\(1\)/);
});

test('touch targets in the filter panel and the view tabs are at least 44 px high', async () => {
  const page = await ctx.open('', phone);
  await page.tap('button.filters-toggle');
  await page.waitForSelector('#filters', { state: 'visible' });
  const small = await page.$$eval(
    '#filters button, #filters input, #filters select, nav.views a.tab, button.filters-toggle, .contacts a',
    (els) => els.flatMap((el) => {
      // A checkbox or radio counts by the label that wraps it.
      const box = ['checkbox', 'radio'].includes(el.type) ? el.closest('label') ?? el : el;
      if (box.getClientRects().length === 0) return []; // not rendered (display: none)
      const h = box.getBoundingClientRect().height;
      return h < 44 ? [`${box.outerHTML.slice(0, 70)}: ${h.toFixed(1)} px`] : [];
    }),
  );
  assert.deepEqual(small, []);
});

test('a desktop shows the filters beside the report without the button', async () => {
  const page = await ctx.open('', { viewport: { width: 1200, height: 900 } });
  assert.equal(await page.isVisible('#filters'), true);
  assert.equal(await page.isVisible('button.filters-toggle'), false);
});

test('on a phone a single view starts with that view on the first screen; the key figures stay with the full report', async () => {
  for (const [view, heading] of [['map', '.map-view h2'], ['funding', '.funding h2'], ['projects', '.projects h2']]) {
    const page = await ctx.open(`?view=${view}`, phone);
    await page.waitForSelector(`main#app ${heading}`);
    assert.equal(await page.isVisible('main#app .highlights'), false, `${view}: no key figures`);
    const top = await page.evaluate((h) => appRoot().querySelector(h).getBoundingClientRect().top, heading);
    assert.ok(top < 640 - 60, `${view}: its heading at ${top}px, on the first screen`);
    await page.context().close();
  }
  const full = await ctx.open('', phone);
  assert.ok(await full.isVisible('main#app .highlights'), 'the full report keeps them');
  // Cards of one height: no empty band under the short ones.
  const heights = await full.$$eval('main#app .highlight', (cards) => [...new Set(cards.map((c) => Math.round(c.getBoundingClientRect().height)))]);
  assert.equal(heights.length, 1, `card heights ${heights}`);
});
