// Phones first: no horizontal scrolling at 320 px, filters folded behind a
// button, touch targets of at least 44 px.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, newPage, openReport } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const phone = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

test('no horizontal scrolling at 320 px, in every view', async () => {
  const page = await newPage(browser, phone);
  for (const view of ['', '?view=projects', '?view=timeline']) {
    await openReport(page, server.url, view);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${view || 'full'}: scrollWidth ${width}`);
  }
});

test('the filters fold behind a button and open on tap', async () => {
  const page = await newPage(browser, phone);
  await openReport(page, server.url);
  assert.equal(await page.isVisible('#filters'), false);
  assert.equal(await page.getAttribute('button.filters-toggle', 'aria-expanded'), 'false');
  await page.tap('button.filters-toggle');
  assert.equal(await page.isVisible('#filters'), true);
  assert.equal(await page.getAttribute('button.filters-toggle', 'aria-expanded'), 'true');
  await page.tap('label.option:has(input[value="skills"])');
  await page.waitForURL(/theme=skills/);
  assert.match(await page.textContent('button.filters-toggle'), /\(1\)/);
});

test('touch targets are at least 44 px high', async () => {
  const page = await newPage(browser, phone);
  await openReport(page, server.url);
  await page.tap('button.filters-toggle');
  const small = await page.$$eval(
    '#filters button, #filters select, #filters input[type=search], #filters label.option, nav.views a.tab, button.filters-toggle, .contacts a',
    (els) => els.map((e) => [e.outerHTML.slice(0, 60), e.getBoundingClientRect().height]).filter(([, h]) => h < 44),
  );
  assert.deepEqual(small, []);
});

test('a desktop shows the filters beside the report without the button', async () => {
  const page = await newPage(browser, { viewport: { width: 1200, height: 900 } });
  await openReport(page, server.url);
  assert.equal(await page.isVisible('#filters'), true);
  assert.equal(await page.isVisible('button.filters-toggle'), false);
});
