// A second country's sheet (issue 13): the Republic of Korea, a development
// partner (data/korea.json, from the ILO's partner page, transcribed in
// data/sources/korea-ilo-partner.txt). Every view shows it with no alert,
// all its source sentences are on the page, and nothing speaks of China or of
// South–South links. Its constructs: money by kind with a stated grand total,
// countries reached without a named project, a programme in phases, support
// without an amount, no publication date, names without acronyms.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TIMEOUT, useBrowser } from './helpers.mjs';

const ctx = useBrowser();
const KOREA = JSON.parse(readFileSync(join(ROOT, 'data/korea.json'), 'utf8'));
const DATA = 'data=data/korea.json';

/** The text of the widget (its shadow root), white space collapsed. */
const widgetText = (page) => page.evaluate(() => appRoot().querySelector('.ilo-factsheet').innerText.replace(/\s+/g, ' '));

async function open(view) {
  const page = await ctx.open(`?${DATA}${view ? `&view=${view}` : ''}`);
  assert.equal(await page.locator('main#app [role="alert"]').count(), 0, `${view ?? 'full'}: no alert`);
  return page;
}

test('every view shows the sheet with no alert and nothing of China', async () => {
  for (const view of [null, 'projects', 'timeline', 'map', 'funding']) {
    const page = await open(view);
    if (view === 'map') await page.waitForSelector('main#app .map-svg .country path', { timeout: TIMEOUT });
    if (view === 'funding') await page.waitForSelector('main#app #funding-items svg.chart');
    const text = await widgetText(page);
    assert.doesNotMatch(text, /China|South.South/, `${view ?? 'full'}: a word of another sheet`);
    assert.deepEqual(page.errors, [], view ?? 'full');
    await page.context().close();
  }
});

test('the full report holds every sentence of the source, and the page is named for the sheet', async () => {
  const page = await open(null);
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const shown = squash(await widgetText(page));
  const paragraphs = [KOREA.meta.lead, ...KOREA.sections.flatMap((s) => s.paragraphs)];
  assert.equal(paragraphs.length, 11);
  for (const p of paragraphs) assert.ok(shown.includes(squash(p.text)), `missing: ${p.text}`);
  assert.equal(await page.title(), 'Republic of Korea: ILO Cooperation — fact sheet');
  // No publication date: no date line at all.
  assert.equal(await page.locator('main#app p.published').count(), 0);
  // A partner without an acronym is named in full in the filters.
  assert.ok(await page.locator('main#app #filters').getByText('Ministry of Employment and Labour').count() >= 1);
});

test('the programme in phases shows its phases; the timeline has the membership', async () => {
  const page = await open('projects');
  const card = page.locator('main#app article.project-card[data-project="korea-partnership-programme"]');
  assert.match(await card.locator('.period').textContent(), /2004–2020/);
  assert.match(await card.textContent(), /Started 2004; Renewed 2018–2020/);
  await page.context().close();
  const timeline = await open('timeline');
  assert.match(await timeline.locator('main#app li.event[data-event="1991-member"]').textContent(), /Membership/);
});

test('the map shows the countries reached without a named project, and speaks of a development partner', async () => {
  const page = await open('map');
  await page.waitForSelector('main#app .map-svg .country path', { timeout: TIMEOUT });
  for (const id of ['DZA', 'BGD', 'CMR', 'IND', 'LAO', 'MAR', 'TUN']) {
    const cls = await page.getAttribute(`main#app .map-svg .country[data-place="${id}"]`, 'class');
    assert.match(cls ?? '', /\bunnamed\b/, `${id}: ${cls}`);
  }
  const legend = await page.locator('main#app .map-legend').textContent();
  assert.match(legend, /Reached without a named project/);
  assert.match(legend, /Republic of Korea, the development partner/);
  assert.match(legend, /Support from Republic of Korea/);
  // The table says it, too.
  const row = page.locator('main#app tr[data-place-row="DZA"]');
  assert.match(await row.textContent(), /Reached without a named project/);
});

test('the funding view: money by kind, the total as stated beside the sum, support without an amount apart', async () => {
  const page = await open('funding');
  await page.waitForSelector('main#app #funding-items svg.chart');
  const totals = await page.locator('main#app .funding-totals').textContent();
  assert.match(totals, /US\$ 63\.1 million/, 'the grand total as stated');
  assert.match(totals, /US\$ 63 million/, 'the sum of the kinds beside it');
  assert.doesNotMatch(totals, /different periods/, 'both kinds cover 2018-2022');
  const kinds = await page.$$eval('main#app #funding-items g.bar', (bars) => bars.map((b) => b.getAttribute('class')));
  assert.ok(kinds.some((c) => /kind-assessed/.test(c)) && kinds.some((c) => /kind-voluntary-non-core/.test(c)), String(kinds));
  const legend = await page.locator('main#app #funding-items').textContent();
  assert.match(legend, /Assessed contribution \(regular budget\)/);
  const unpriced = await page.locator('main#app .funding-unpriced').textContent();
  assert.match(unpriced, /Secondments through the Republic of Korea’s Expert Programme \(In kind\)/);
});
