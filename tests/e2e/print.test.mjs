// Print (issue 14): the report on A4 paper, as a visitor's "Print" makes it.
// The PDF comes from headless Chromium (tests/e2e/print.mjs, `make print`);
// what paper shows is checked under print media: no controls, the filters
// stated at the top, every chart with its table, link addresses written out.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHINA, useBrowser } from './helpers.mjs';
import { pageCount, printReport } from './print.mjs';

const ctx = useBrowser();

test('the full report prints to A4 pages, the filtered one to fewer', async () => {
  const full = pageCount(await printReport(ctx.browser, ctx.server.url, ''));
  const skills = pageCount(await printReport(ctx.browser, ctx.server.url, '?theme=skills'));
  assert.ok(full >= 8 && full <= 30, `${full} pages`);
  assert.ok(skills >= 2 && skills < full, `${skills} pages filtered, ${full} in all`);
});

test('on paper: no controls, the filters stated, every chart table open, link addresses written out', async () => {
  const page = await ctx.open('?theme=skills&view=funding');
  await page.waitForSelector('main#app #funding-items svg.chart');
  assert.equal(await page.isVisible('main#app .printed-filters'), false, 'not on screen');
  await page.emulateMedia({ media: 'print' });
  const paper = await page.evaluate(() => {
    const root = appRoot();
    const shown = (el) => el.checkVisibility({ visibilityProperty: true });
    return {
      buttons: [...root.querySelectorAll('button, .filters, nav.views')].filter(shown).length,
      filters: shown(root.querySelector('.printed-filters')) ? root.querySelector('.printed-filters').textContent : '',
      tables: [...root.querySelectorAll('.chart-table table')].map((t) => shown(t) && t.getBoundingClientRect().height > 0),
    };
  });
  assert.equal(paper.buttons, 0);
  const skills = CHINA.themes.find((t) => t.id === 'skills').name;
  assert.match(paper.filters, new RegExp(`Themes: ${skills}`));
  assert.ok(paper.tables.length === 4 && paper.tables.every(Boolean), String(paper.tables));

  // The contacts' web links carry their address after them.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(ctx.server.url);
  await page.waitForSelector('main#app[data-ilo-ready] .contacts a[href^="http"]');
  await page.emulateMedia({ media: 'print' });
  const after = await page.evaluate(() => {
    const a = appRoot().querySelector('.contacts a[href^="http"]');
    return [a.getAttribute('href'), getComputedStyle(a, '::after').content];
  });
  assert.ok(after[1].includes(after[0]), `${after[1]} names ${after[0]}`);
  assert.match(await page.textContent('main#app .printed-filters'), /without filters/);
});
