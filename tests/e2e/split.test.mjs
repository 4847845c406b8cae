// The wasm is split (issue 12; scripts/build-wasm.mjs): the first view
// fetches only the main part; the map view, the funding view and the
// editors' preview page are chunks of their own, fetched the first time they
// are shown, and drawn then. (Their sizes: budgets.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, CHINA_TEXT, TIMEOUT } from './helpers.mjs';

const ctx = useBrowser();
const wasm = (page) => page.requests.map((u) => new URL(u).pathname.split('/').pop()).filter((f) => f.endsWith('.wasm'));
const MAIN = /^ilo-factsheet-web-[0-9a-f]{16}_bg\.wasm$/;

test('the first view fetches the main wasm alone; the map and funding chunks come when their tabs are clicked', async () => {
  const page = await ctx.open();
  await page.waitForTimeout(500);
  const first = wasm(page);
  assert.equal(first.length, 1, String(first));
  assert.match(first[0], MAIN);

  await page.click('nav.views a.tab[href*="view=map"]');
  await page.waitForSelector('.map-svg .country path', { timeout: TIMEOUT });
  assert.ok(wasm(page).some((f) => f.startsWith('split_map_view_')), String(wasm(page)));
  assert.ok(!wasm(page).some((f) => f.startsWith('split_funding_view_')), 'the funding chunk before its tab');

  await page.click('nav.views a.tab[href*="view=funding"]');
  await page.waitForSelector('.fs-content .funding', { timeout: TIMEOUT });
  assert.ok(wasm(page).some((f) => f.startsWith('split_funding_view_')), String(wasm(page)));
  assert.ok(!wasm(page).some((f) => f.startsWith('split_preview_page_')), 'the preview chunk in the report');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.consoleErrors, []);
});

test('a page opened on the map view fetches the map chunk and draws the map', async () => {
  const page = await ctx.open('?view=map');
  await page.waitForSelector('.map-svg .country path', { timeout: TIMEOUT });
  assert.ok(wasm(page).some((f) => f.startsWith('split_map_view_')), String(wasm(page)));
  assert.deepEqual(page.errors, []);
});

test('the preview page fetches its chunk and reads a file', async () => {
  const page = await ctx.page();
  await page.goto(new URL('preview.html', ctx.server.url).href);
  const input = '[data-ilo-preview] input[type="file"]';
  await page.waitForSelector(input, { state: 'attached', timeout: TIMEOUT });
  assert.ok(wasm(page).some((f) => f.startsWith('split_preview_page_')), String(wasm(page)));
  await page.setInputFiles(input, { name: 'china.json', mimeType: 'application/json', buffer: Buffer.from(CHINA_TEXT) });
  await page.waitForSelector('[data-ilo-preview] .pv-report h1', { timeout: TIMEOUT });
  assert.deepEqual(page.errors, []);
});

test('without their chunks the map and funding views are not drawn: their code is not in the main wasm', async () => {
  for (const [view, chunk, drawn] of [['map', 'split_map_view_', '.map-svg'], ['funding', 'split_funding_view_', '.fs-content .funding']]) {
    const page = await ctx.page();
    await page.route(`**/${chunk}*.wasm`, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(new URL('?', ctx.server.url).href);
    await page.waitForSelector('main#app[data-ilo-ready] h1', { timeout: TIMEOUT });
    await page.click(`nav.views a.tab[href*="view=${view}"]`);
    // The failed load ends in the widget's alert (the panic hook), never in the view.
    await page.waitForSelector('main#app [role="alert"]', { timeout: TIMEOUT });
    assert.equal(await page.locator(drawn).count(), 0, `${view} drawn without its chunk`);
    assert.ok(page.requests.some((u) => u.includes(`/${chunk}`)), `${chunk} asked for`);
  }
});
