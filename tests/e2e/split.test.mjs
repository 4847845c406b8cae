// The wasm is split (issue 12; scripts/build-wasm.mjs): the first view
// fetches only the main part; the map view, the funding view and the
// editors' preview page are chunks of their own, fetched the first time they
// are shown, and drawn then. So is the forgiving reader with the checker,
// fetched once the browser is idle after the first view (the fast reader
// in the main part reads a sound file), or at once for a file the fast reader
// gives up on. (Their sizes: budgets.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openReport, CHINA_TEXT, TIMEOUT } from './helpers.mjs';

const ctx = useBrowser();
const wasm = (page) => page.requests.map((u) => new URL(u).pathname.split('/').pop()).filter((f) => f.endsWith('.wasm'));
const MAIN = /^ilo-factsheet-web-[0-9a-f]{16}_bg\.wasm$/;

test('the first view fetches the main wasm, then the checker; the map and funding chunks come when their tabs are clicked', async () => {
  const page = await ctx.open();
  // The checker's chunk comes when the browser is idle, after the report is drawn.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/split_checked_')),
    null, { timeout: TIMEOUT });
  const first = wasm(page);
  assert.match(first[0], MAIN);
  const checker = first.findIndex((f) => f.startsWith('split_checked_'));
  assert.ok(checker > 0, String(first));
  // Only the checker and the code it shares with the preview page (chunk_N): no view's chunk.
  assert.ok(first.slice(1).every((f) => f.startsWith('split_checked_') || /^chunk_\d+-/.test(f)), String(first));

  await page.click('nav.views a.tab[href*="view=map"]');
  await page.waitForSelector('.map-svg .country path', { timeout: TIMEOUT });
  assert.ok(wasm(page).some((f) => f.startsWith('split_map_view_')), String(wasm(page)));
  assert.ok(!wasm(page).some((f) => f.startsWith('split_funding_view_')), 'the funding chunk before its tab');

  await page.click('nav.views a.tab[href*="view=funding"]');
  await page.waitForSelector('.fs-content .funding', { timeout: TIMEOUT });
  assert.ok(wasm(page).some((f) => f.startsWith('split_funding_view_')), String(wasm(page)));
  assert.ok(!wasm(page).some((f) => f.startsWith('split_preview_page_')), 'the preview chunk in the report');

  // The embed dialog's chunk comes when its button is first pressed.
  assert.ok(!wasm(page).some((f) => f.startsWith('split_embed_dialog_')), 'the embed dialog before it is asked for');
  await page.getByRole('button', { name: 'Embed this view' }).click();
  await page.getByRole('dialog', { name: 'Embed this view' }).waitFor();
  assert.ok(wasm(page).some((f) => f.startsWith('split_embed_dialog_')), String(wasm(page)));
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

test('a sound sheet is shown and filtered before the checker arrives, whose chunk holds the reader of a broken file', async () => {
  // The checker's chunk never arrives: the report is drawn and works anyway.
  const page = await ctx.page();
  await page.route('**/split_checked_*.wasm', () => {});
  await openReport(page, ctx.server.url);
  await page.waitForSelector('main#app[data-ilo-ready] h1', { timeout: TIMEOUT });
  await page.locator('input[type="checkbox"][name="theme"]').first().check();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('theme'), null, { timeout: TIMEOUT });
  assert.ok(await page.locator('.fs-section:not([hidden])').count() > 0, 'no section shown');
  assert.equal(await page.locator('main#app [role="alert"]').count(), 0);

  // A file the fast reader gives up on waits for that chunk: without it, nothing
  // of the file shows, and the widget says something went wrong (the panic hook).
  const broken = JSON.parse(CHINA_TEXT);
  broken.projects[0].period = 'soon';
  ctx.server.put('data/broken.json', JSON.stringify(broken));
  const other = await ctx.page();
  await other.route('**/split_checked_*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await other.goto(new URL('?data=data/broken.json', ctx.server.url).href);
  await other.waitForSelector('main#app [role="alert"]', { timeout: TIMEOUT });
  assert.equal(await other.locator('main#app .project-card').count(), 0);
});

test('problems the checker finds in a sound file come into the alert after the report is drawn', async () => {
  const sheet = JSON.parse(CHINA_TEXT);
  sheet.projects[0].themes = ['no-such-theme'];
  sheet.colour = 'red';
  ctx.server.put('data/dangling.json', JSON.stringify(sheet));
  const page = await ctx.open('?data=data/dangling.json');
  const alert = page.locator('main#app .problems[role="alert"]');
  await alert.waitFor({ timeout: TIMEOUT });
  assert.match(await alert.textContent(), /projects\[0\]\.themes/);
  assert.match(await page.locator('main#app details.warnings').textContent(), /colour/);
  // Everything valid still shows.
  assert.equal(await page.locator('main#app article.project-card').count(), sheet.projects.length);
  assert.deepEqual(page.errors, []);
});
