// WCAG 2.2 AA, as axe-core checks it (npm axe-core, pinned in package.json):
// no violation on the full report, every view, a filtered state, the empty
// state and the error state, on a desktop and a 360 px phone, for the China
// sheet and the Republic of Korea's, in English and in other interface
// languages (Arabic, right to left; French; Chinese).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT, useBrowser } from './helpers.mjs';

const AXE = readFileSync(join(import.meta.dirname, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const ctx = useBrowser();

/** axe's violations on the page as it stands, one line each. */
async function violations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const result = await globalThis.axe.run(document, { runOnly: tags });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  }, TAGS);
}

const STATES = [
  ['the full report', ''],
  ['the projects', '?view=projects'],
  ['the timeline', '?view=timeline'],
  ['the map', '?view=map'],
  ['the funding', '?view=funding'],
  ['a filtered report', '?theme=skills&country=KHM'],
  ['the empty state', '?q=zzzzqqq'],
  ['another sheet\'s map', '?data=data/korea.json&view=map'],
  ['another sheet\'s funding', '?data=data/korea.json&view=funding'],
  ['the full report in Arabic', '?lang=ar'],
  ['the funding in Arabic', '?lang=ar&view=funding'],
  ['the map in Arabic', '?lang=ar&view=map'],
  ['a filtered report in French', '?lang=fr&theme=skills&country=KHM'],
  ['the projects in Chinese', '?lang=zh&view=projects'],
];

for (const width of [1200, 360]) {
  test(`axe finds no violation at ${width} px: ${STATES.map(([name]) => name).join(', ')}`, async () => {
    const found = [];
    for (const [name, query] of STATES) {
      const page = await ctx.open(query, { viewport: { width, height: 900 } });
      if (query.includes('map')) await page.waitForSelector('main#app .map-svg .country path', { timeout: TIMEOUT });
      if (query.includes('funding')) await page.waitForSelector('main#app #funding-items svg.chart');
      for (const v of await violations(page)) found.push(`${name}: ${v}`);
      await page.context().close();
    }
    assert.deepEqual(found, []);
  });
}

test('axe finds no violation in the error state (the data file is missing), in English and Arabic', async () => {
  ctx.server.remove('data/china.json');
  for (const query of ['', '?lang=ar']) {
    const page = await ctx.open(query);
    await page.waitForSelector('main#app [role="alert"]');
    assert.deepEqual(await violations(page), [], query);
  }
});

test('axe finds no violation in the prerendered page, before the wasm', async () => {
  const page = await ctx.page();
  await page.route('**/*.wasm', () => {}); // never answered
  await page.goto(ctx.server.url);
  await page.waitForSelector('main#app [data-ilo-prerendered] h1');
  assert.deepEqual(await violations(page), []);
});

test('axe finds no violation in the dark theme our page follows (prefers-color-scheme: dark)', async () => {
  for (const query of ['', '?view=funding', '?lang=ar&view=map']) {
    const page = await ctx.open(query, { colorScheme: 'dark' });
    if (query.includes('funding')) await page.waitForSelector('main#app #funding-items svg.chart');
    if (query.includes('map')) await page.waitForSelector('main#app .map-svg .country path', { timeout: TIMEOUT });
    const bg = await page.evaluate(() => getComputedStyle(appRoot().querySelector('.ilo-factsheet')).backgroundColor);
    assert.equal(bg, 'rgb(18, 21, 28)', 'the dark background');
    assert.deepEqual(await violations(page), [], query);
    await page.context().close();
  }
});

test('the first Tab stop is a skip link to the content; Enter moves focus past the header, tabs and filters', async () => {
  const page = await ctx.open('?theme=skills');
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = appRoot().activeElement;
    return { cls: el?.className, width: el?.getBoundingClientRect().width, text: el?.textContent };
  });
  assert.equal(first.cls, 'skip-link');
  assert.ok(first.width > 20, 'visible once focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => appRoot().activeElement?.className), 'fs-content');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => appRoot().activeElement?.closest('.fs-content') !== null);
  assert.ok(next, 'the next Tab stays in the content');
  const arabic = await ctx.open('?lang=ar');
  await arabic.keyboard.press('Tab');
  assert.equal(await arabic.evaluate(() => appRoot().activeElement?.textContent), JSON.parse(readFileSync(join(import.meta.dirname, '../../i18n/ar.json'), 'utf8')).SkipToContent);
});

test('nothing moves for a reader who asks for reduced motion (the loading skeleton stands still)', async () => {
  const still = async (reducedMotion) => {
    const page = await ctx.page({ reducedMotion });
    await page.route('**/*.wasm', () => {}); // the skeleton stays
    await page.goto(`${ctx.server.url}?theme=skills`); // a filtered state: the skeleton, not a prerendered copy
    await page.waitForSelector('main#app .skeleton .sk-line');
    return page.evaluate(() => getComputedStyle(appRoot().querySelector('.skeleton .sk-line')).animationName);
  };
  assert.equal(await still('no-preference'), 'sk-pulse');
  assert.equal(await still('reduce'), 'none');
});

test('200% zoom and 400% reflow lose nothing: every view fits 600 and 320 CSS px with no sideways scrolling', async () => {
  // A 1200 × 900 screen at 200% is 600 × 450 CSS px; at 400%, 300 × 225 (WCAG 1.4.10 asks 320).
  const wide = [];
  for (const [width, height] of [[600, 450], [320, 256]]) {
    for (const view of ['full', 'projects', 'timeline', 'map', 'funding']) {
      const page = await ctx.open(`?view=${view}`, { viewport: { width, height } });
      if (view === 'map') await page.waitForSelector('main#app .map-svg .country path', { timeout: TIMEOUT });
      if (view === 'funding') await page.waitForSelector('main#app #funding-items svg.chart');
      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (over > 0) wide.push(`${view} at ${width} px: ${over} px too wide`);
      await page.context().close();
    }
  }
  assert.deepEqual(wide, []);
});
