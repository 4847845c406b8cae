// The beneficiary map (?view=map): shapes, figures with their qualifiers,
// the table twin, the country filter, keyboard selection, phones, and no
// request off the machine.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useBrowser, CHINA, DIST, TIMEOUT } from './helpers.mjs';

// Every page is checked afterwards for requests that left 127.0.0.1.
const ctx = useBrowser();

const openMap = async (query = '?view=map', options) => {
  const page = await ctx.open(query, options);
  await page.waitForSelector('.map-svg .country path', { timeout: TIMEOUT });
  return page;
};
const text = (page, sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));

test('?view=map draws the countries, names the places reached, with their figures', async () => {
  const page = await openMap();
  assert.ok(await page.locator('.map-svg .country').count() >= 150);
  // Cambodia, Lao PDR, Kenya, Tajikistan and Timor-Leste are reached and named.
  for (const id of ['KHM', 'LAO', 'KEN', 'TJK', 'TLS']) {
    const name = CHINA.geographies.find((g) => g.id === id).name;
    const label = await page.getAttribute(`.map-svg .country[data-place="${id}"]`, 'aria-label');
    assert.ok(label?.startsWith(name), `${id}: ${label}`);
    assert.match(await page.getAttribute(`.map-svg .country[data-place="${id}"]`, 'class'), /level-[123]/);
  }
  // The ASEAN figure: one circle for the group, labelled with its name, its qualifier kept.
  const labels = await text(page, '.map-svg .figure-label');
  assert.ok(labels.includes('ASEAN: over 186,000'), labels.join(' | '));
  assert.equal(await page.locator('.map-svg .symbol[data-place="asean"]').count(), 1);
  // Every label is whole: none runs past the edge of the map.
  const cut = await page.$eval('.map-svg', (svg) => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('.figure-label')]
      .map((t) => [t.textContent, t.getBoundingClientRect()])
      .filter(([, r]) => r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1)
      .map(([text]) => text);
  });
  assert.deepEqual(cut, []);
  const legend = await text(page, '.legend-figures li');
  assert.ok(legend.includes('over 186,000 cumulative beneficiaries (ASEAN)'), legend.join(' | '));
  assert.ok(legend.includes('more than 10,000 workers (Cambodia)'), legend.join(' | '));
  // The table twin is in the page (for screen readers) while the map shows.
  const rows = await text(page, '.map-data tbody tr');
  for (const name of ['Cambodia', 'Lao PDR', 'Kenya', 'Tajikistan', 'Timor-Leste']) {
    assert.ok(rows.some((r) => r.startsWith(name)), `${name} row`);
  }
  assert.ok(rows.some((r) => r.includes('over 186,000') && r.includes('cumulative beneficiaries')));
  assert.match(await page.getAttribute('.map-table', 'class'), /visually-hidden/);
  assert.ok(await page.locator('.map-data').count() === 1);
  // Credit line; the map file comes from the same origin (useBrowser checks every request).
  assert.match(await page.textContent('.map-attribution'), /Natural Earth/);
  assert.ok(page.requests.some((u) => u.endsWith('data/map/world.json')));
  assert.deepEqual(page.errors, []);
});

test('the map file is fetched only when the map is shown, and once', async () => {
  const page = await ctx.open('');
  await page.waitForTimeout(300);
  assert.ok(!page.requests.some((u) => u.includes('world.json')));
  await page.click('nav.views a[href*="view=map"]');
  await page.waitForSelector('.map-svg .country');
  assert.equal(page.requests.filter((u) => u.includes('world.json')).length, 1);
  // Away and back: the widget keeps the geometry it has.
  await page.click('nav.views a[href*="view=projects"]');
  await page.waitForSelector('.map-svg', { state: 'detached' });
  await page.click('nav.views a[href*="view=map"]');
  await page.waitForSelector('.map-svg .country');
  assert.equal(page.requests.filter((u) => u.includes('world.json')).length, 1);
});

test('?country=KEN narrows the table, the details and the projects to Kenya', async () => {
  const page = await openMap('?view=map&country=KEN');
  const rows = await text(page, '.map-data tbody tr th');
  assert.deepEqual(rows, ['Kenya']);
  const cards = await page.$$eval('article.project-card', (cs) => cs.map((c) => c.dataset.project));
  assert.deepEqual(cards, ['social-protection-lao-kenya']);
  assert.match(await page.textContent('.map-details'), /Kenya/);
  assert.match(await page.getAttribute('.map-svg .country[data-place="KEN"]', 'aria-pressed'), /true/);
  // "Show all countries" clears the filter.
  await page.click('.map-details button.show-all');
  await page.waitForFunction(() => !location.search.includes('country='));
  assert.ok((await page.locator('article.project-card').count()) > 1);
});

test('click, then keyboard: select a country, move with arrows, Enter selects, live region speaks', async () => {
  const page = await openMap();
  await page.click('.map-svg .country[data-place="TJK"]');
  await page.waitForURL(/country=TJK/);
  assert.match(await page.textContent('.map-details'), /Tajikistan/);
  // Tab stop: one focusable place; arrows move between places reached.
  await page.focus('.map-svg [tabindex="0"]');
  assert.equal(await page.evaluate(() => appRoot().activeElement.dataset.place), 'TJK');
  await page.waitForFunction(() => appRoot().querySelector('.map-announce').textContent.startsWith('Tajikistan'));
  const seen = new Set(['TJK']);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowDown' : 'ArrowRight');
    seen.add(await page.evaluate(() => appRoot().activeElement.dataset.place));
  }
  assert.ok(seen.size > 2, [...seen].join(','));
  const focused = await page.evaluate(() => appRoot().activeElement.dataset.place);
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`country=${focused}`));
  assert.match(await page.textContent('.map-announce'), /matching project/);
  // Enter on a group's circle selects the group.
  await page.focus('.map-svg .symbol[data-place="asean"]');
  // Focusing redraws nothing: the focus stays on the group's circle.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => appRoot().activeElement?.dataset.place), 'asean');
  await page.keyboard.press('Enter');
  await page.waitForURL(/country=asean/);
  assert.match(await page.textContent('.map-details'), /over 186,000 cumulative beneficiaries \(ASEAN\)/);
});

test('table toggle, sorting, search and zoom presets', async () => {
  const page = await openMap();
  await page.click('.map-modes .mode-table');
  assert.equal(await page.isVisible('.map-data'), true);
  assert.equal(await page.isVisible('.map-svg'), false);
  assert.equal(await page.getAttribute('.map-data th:nth-child(1)', 'aria-sort'), 'ascending');
  // Numbers sort largest first, then the other way.
  await page.click('.map-data th:nth-child(3) button');
  assert.equal(await page.getAttribute('.map-data th:nth-child(3)', 'aria-sort'), 'descending');
  assert.deepEqual(await text(page, '.map-data tbody tr:first-child th'), ['ASEAN (group)']);
  await page.click('.map-data th:nth-child(3) button');
  assert.equal(await page.getAttribute('.map-data th:nth-child(3)', 'aria-sort'), 'ascending');
  await page.click('.map-modes .mode-map');
  const world = await page.getAttribute('.map-svg', 'viewBox');
  await page.click('.map-frames button:has-text("Africa")');
  assert.notEqual(await page.getAttribute('.map-svg', 'viewBox'), world);
  await page.click('.map-zoom button[aria-label="Zoom in"]');
  await page.click('.map-frames button:has-text("World")');
  assert.equal(await page.getAttribute('.map-svg', 'viewBox'), world);
  await page.fill('#map-find-input', 'Timor');
  await page.press('#map-find-input', 'Enter');
  await page.waitForURL(/country=TLS/);
  assert.notEqual(await page.getAttribute('.map-svg', 'viewBox'), world);
});

test('on a phone a one-finger swipe is left to the page', async () => {
  const page = await openMap('?view=map', { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  const style = await page.$eval('.map-svg', (el) => getComputedStyle(el).touchAction);
  assert.equal(style, 'pan-y');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
});

test('the map geometry, as deployed, stays under its 60 KB gzip budget', () => {
  const raw = readFileSync(join(DIST, 'data/map/world.json'));
  const gzip = gzipSync(raw, { level: 9 }).length;
  assert.ok(gzip < 60_000, `data/map/world.json: ${gzip} bytes gzip`);
});

test('on a touch screen, two fingers pinch the map to zoom', async () => {
  const page = await openMap('?view=map', { viewport: { width: 390, height: 800 }, isMobile: true, hasTouch: true });
  await page.$eval('.map-svg', (el) => el.scrollIntoView({ block: 'center' }));
  const box = await page.$eval('.map-svg', (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  const before = await page.getAttribute('.map-svg', 'viewBox');
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [
      { x: box.x - d, y: box.y, id: 1 },
      { x: box.x + d, y: box.y, id: 2 },
    ],
  });
  await touch('touchStart', 20);
  for (const d of [30, 45, 60, 80]) await touch('touchMove', d);
  await touch('touchEnd', 80);
  const after = await page.getAttribute('.map-svg', 'viewBox');
  const width = (vb) => Number(vb.split(' ')[2]);
  assert.ok(width(after) < width(before) * 0.6, `${before} -> ${after}`);
});
