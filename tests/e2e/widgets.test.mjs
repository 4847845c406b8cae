// Several widgets in one document (what a host page embedding two views
// gets): each mounts into its own element, keeps its own state and writes
// element ids no other widget writes, so labels and aria references stay
// inside their widget.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, CHINA, DIST, TIMEOUT } from './helpers.mjs';

const ctx = useBrowser();

// dist/index.html with a second mount after the first: it leaves the page
// URL alone, so only the first widget follows ?view= and the filters.
const twoWidgets = () =>
  readFileSync(join(DIST, 'index.html'), 'utf8').replace(
    '</main>',
    '</main>\n<section id="second" data-ilo-factsheet data-url-sync="off"></section>',
  );

test('two widgets on one page: both render, their ids never collide, their filters are their own', async () => {
  ctx.server.put('two.html', twoWidgets());
  const page = await ctx.page();
  await page.goto(`${ctx.server.url}two.html?view=map&country=KEN`);
  await page.waitForSelector('main#app h1', { timeout: TIMEOUT });
  await page.waitForSelector('#second h1', { timeout: TIMEOUT });
  await page.waitForSelector('main#app .map-svg .country');

  // The first follows the URL (the map, Kenya); the second shows the full report, unfiltered.
  assert.equal(await page.locator('main#app .map-view').count(), 1);
  assert.equal(await page.locator('#second .map-view').count(), 0);
  assert.deepEqual(await page.$$eval('main#app article.project-card', (cs) => cs.map((c) => c.dataset.project)),
    ['social-protection-lao-kenya']);
  assert.ok((await page.locator('#second article.project-card').count()) > 1);

  // No id twice in the document, and every id reference points inside its own widget.
  const report = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    const crossing = [];
    for (const el of document.querySelectorAll('[aria-labelledby], [aria-controls], label[for], input[list]')) {
      const refs = [el.getAttribute('aria-labelledby'), el.getAttribute('aria-controls'), el.getAttribute('for'),
        el.getAttribute('list')].filter(Boolean).join(' ').split(/\s+/);
      const home = el.closest('[data-ilo-factsheet]');
      for (const id of refs) {
        const target = document.getElementById(id);
        if (!target || target.closest('[data-ilo-factsheet]') !== home) crossing.push(`${el.tagName} -> ${id}`);
      }
    }
    return { dupes, crossing, count: ids.length };
  });
  assert.deepEqual(report.dupes, []);
  assert.deepEqual(report.crossing, []);
  assert.ok(report.count > 20, `${report.count} ids`);

  // The first widget keeps plain ids (so #section-… links work); the second prefixes its own.
  assert.equal(await page.locator('main#app #map-title').count(), 1);
  const first = CHINA.sections[0].id;
  assert.equal(await page.locator(`#second #w2-section-${first}`).count(), 1);
  assert.equal(await page.locator(`#section-${first}`).count(), 0);
});
