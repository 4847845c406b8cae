// Several widgets in one document (what a host page embedding two views
// gets): each mounts into its own element and renders in that element's own
// open shadow root (embed.js), keeps its own state, and its ids are its own:
// unique inside its shadow root, with every label and aria reference
// resolving inside that same root.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, CHINA, DIST, TIMEOUT } from './helpers.mjs';

const ctx = useBrowser();

// dist/index.html with a second mount after the first. URL sync is opt-in
// (`data-url-sync`, which our main#app has): the second has none, so it
// leaves the page URL alone and only the first follows ?view= and the filters.
const twoWidgets = () =>
  readFileSync(join(DIST, 'index.html'), 'utf8').replace(
    '</main>',
    '</main>\n<section id="second" data-ilo-factsheet></section>',
  );

test('two widgets on one page: both render, their ids never collide, their filters are their own', async () => {
  ctx.server.put('two.html', twoWidgets());
  const page = await ctx.page();
  await page.goto(`${ctx.server.url}two.html?view=map&country=KEN`);
  await page.waitForSelector('main#app[data-ilo-ready] h1', { timeout: TIMEOUT });
  await page.waitForSelector('#second h1', { timeout: TIMEOUT });
  await page.waitForSelector('main#app .map-svg .country');

  // The first follows the URL (the map, Kenya); the second shows the full report, unfiltered.
  assert.equal(await page.locator('main#app .map-view').count(), 1);
  assert.equal(await page.locator('#second .map-view').count(), 0);
  assert.deepEqual(await page.$$eval('main#app article.project-card', (cs) => cs.map((c) => c.dataset.project)),
    ['social-protection-lao-kenya']);
  assert.ok((await page.locator('#second article.project-card').count()) > 1);
  assert.match(page.url(), /\?view=map&country=KEN$/, 'the second widget left the URL alone');

  // Each widget renders in its own shadow root. In the document and in every
  // open shadow root (nested ones included), no id is there twice, and every
  // id reference resolves inside the same root.
  const report = await page.evaluate(() => {
    const roots = (node) => [node, ...[node, ...node.querySelectorAll('*')]
      .filter((el) => el.shadowRoot).flatMap((el) => roots(el.shadowRoot))];
    const name = (root) => (root === document ? 'document' : `#${root.host.id} shadow root`);
    const first = document.querySelector('main#app').shadowRoot;
    const second = document.querySelector('#second').shadowRoot;
    const dupes = [];
    const crossing = [];
    const counts = {};
    for (const root of roots(document)) {
      const ids = [...root.querySelectorAll('[id]')].map((e) => e.id);
      counts[name(root)] = ids.length;
      dupes.push(...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${name(root)}: ${id}`));
      for (const el of root.querySelectorAll('[aria-labelledby], [aria-describedby], [aria-controls], label[for], input[list]')) {
        const refs = [el.getAttribute('aria-labelledby'), el.getAttribute('aria-describedby'), el.getAttribute('aria-controls'),
          el.getAttribute('for'), el.getAttribute('list')].filter(Boolean).join(' ').split(/\s+/);
        for (const id of refs) {
          if (!root.getElementById(id)) crossing.push(`${name(root)}: ${el.tagName} -> ${id}`);
        }
      }
    }
    return {
      dupes,
      crossing,
      counts,
      own: !!first && !!second && first !== second
        && !!first.querySelector('.ilo-factsheet h1') && !!second.querySelector('.ilo-factsheet h1'),
    };
  });
  assert.ok(report.own, 'each widget in its own shadow root');
  assert.deepEqual(report.dupes, []);
  assert.deepEqual(report.crossing, []);
  // The scan saw the widgets' ids: the map view has a few, the full report many.
  const counts = JSON.stringify(report.counts);
  assert.ok(report.counts['#app shadow root'] >= 5 && report.counts['#second shadow root'] >= 5, counts);
  assert.ok(report.counts['#app shadow root'] + report.counts['#second shadow root'] > 20, counts);

  // Both keep plain ids, each in its own scope (so #section-… links work in
  // either): the map view has its map title, the full report its sections.
  const first = CHINA.sections[0].id;
  assert.equal(await page.locator('main#app #map-title').count(), 1);
  assert.equal(await page.locator(`main#app #section-${first}`).count(), 0);
  assert.equal(await page.locator(`#second #section-${first}`).count(), 1);
});
