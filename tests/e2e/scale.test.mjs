// A long project list (a sheet with 150 projects, made from the China
// sheet's own by repeating them under new ids) shows a page at a time: the
// first 60 cards and a "Show more" button that adds the next page, by mouse
// or keyboard; a filter change starts the new list at its first page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, CHINA } from './helpers.mjs';

const ctx = useBrowser();
const PAGE = 60;

function manyProjects(n) {
  const projects = Array.from({ length: n }, (_, i) => ({ ...CHINA.projects[i % CHINA.projects.length], id: `copy-${i}` }));
  return JSON.stringify({ ...CHINA, projects });
}

test('a long project list shows a page at a time, and a filter change starts over', async () => {
  ctx.server.put('data/many.json', manyProjects(150));
  const page = await ctx.open('?data=data/many.json&view=projects');
  const cards = () => page.locator('article.project-card').count();
  await page.waitForSelector('article.project-card');
  assert.equal(await cards(), PAGE);
  const more = page.getByRole('button', { name: /^Show \d+ more/ });
  assert.equal(await more.textContent(), `Show ${PAGE} more (90 not shown yet)`);
  await more.click();
  await page.waitForFunction((n) => appRoot().querySelectorAll('article.project-card').length === n, 2 * PAGE);
  assert.equal(await more.textContent(), 'Show 30 more (30 not shown yet)');
  // By keyboard.
  await more.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => appRoot().querySelectorAll('article.project-card').length === 150);
  assert.equal(await more.count(), 0, 'no button once everything shows');

  // A theme: the matching projects, from their first page again.
  const uses = (t) => CHINA.projects.filter((p) => p.themes.includes(t)).length;
  const theme = CHINA.themes.map((t) => t.id).sort((a, b) => uses(b) - uses(a))[0];
  const matching = Array.from({ length: 150 }, (_, i) => CHINA.projects[i % CHINA.projects.length])
    .filter((p) => p.themes.includes(theme)).length;
  assert.ok(matching > PAGE, `${matching} projects have ${theme}`);
  await page.locator(`input[type="checkbox"][value="${theme}"]`).first().check();
  await page.waitForFunction((n) => appRoot().querySelectorAll('article.project-card').length === n, PAGE);
  assert.equal(await more.textContent(), `Show ${Math.min(PAGE, matching - PAGE)} more (${matching - PAGE} not shown yet)`);
  assert.deepEqual(page.errors, []);
});

test('with many amounts the funding charts draw the largest 40 and the tables a page of rows; the CSV file keeps all', async () => {
  ctx.server.put('data/many.json', manyProjects(150));
  const funded = Array.from({ length: 150 }, (_, i) => CHINA.projects[i % CHINA.projects.length]).filter((p) => p.funding).length;
  const entries = funded + CHINA.contributions.filter((c) => c.amount).length;
  assert.ok(entries > 100, `${entries} amounts`);
  const page = await ctx.open('?data=data/many.json&view=funding');
  await page.waitForSelector('#funding-items svg.chart');
  assert.equal(await page.locator('#funding-items g.bar').count(), 40);
  assert.match(await page.locator('#funding-items .chart-note').textContent(), new RegExp(`The 40 largest of ${entries} are drawn`));
  assert.equal(await page.locator('#funding-items table tbody tr').count(), 100);
  assert.match(await page.locator('#funding-items .table-note').textContent(), new RegExp(`The first 100 rows of ${entries}`));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#funding-items button.download-csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
  assert.equal(csv.length, entries + 1, 'a header and every amount');
});

test('the map\'s table of a sheet with many figures shows a page of rows at a time', async () => {
  ctx.server.put('data/many.json', manyProjects(150));
  const page = await ctx.open('?data=data/many.json&view=map');
  const rows = () => page.locator('table.map-data tbody tr').count();
  await page.waitForFunction(() => appRoot().querySelectorAll('table.map-data tbody tr').length > 0);
  assert.equal(await rows(), PAGE);
  await page.click('button.map-table-toggle, .map-view button:has-text("Table")');
  const more = page.locator('.map-table button.show-more');
  assert.match(await more.textContent(), /^Show \d+ more \(\d+ not shown yet\)$/);
  await more.click();
  await page.waitForFunction((n) => appRoot().querySelectorAll('table.map-data tbody tr').length > n, PAGE);
  assert.deepEqual(page.errors, []);
});

test("a map legend of many figures lists a page of them, the rest a press away", async () => {
  // 150 projects from the China sheet's: each copy brings its figures.
  ctx.server.put('data/many.json', manyProjects(150));
  const page = await ctx.open('?data=data/many.json&view=map');
  await page.waitForSelector('.map-legend ul.legend-figures li');
  const items = () => page.locator('.map-legend ul.legend-figures li').count();
  assert.equal(await items(), PAGE);
  const more = page.locator('.map-legend button.show-more');
  const [, add, hidden] = (await more.textContent()).match(/^Show (\d+) more \((\d+) not shown yet\)$/).map(Number);
  assert.equal(add, Math.min(PAGE, hidden));
  await more.click();
  await page.waitForFunction((n) => appRoot().querySelectorAll('.map-legend ul.legend-figures li').length === n, PAGE + add);
  // Every figure is still drawn on the map, listed or not.
  assert.ok(await page.locator('.map-svg circle').count() >= PAGE + hidden);
  assert.deepEqual(page.errors, []);
});
