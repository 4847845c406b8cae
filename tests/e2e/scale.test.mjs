// A long project list (a sheet with 150 projects, made from the China
// sheet's own by repeating them under new ids) shows a page at a time: the
// first 60 cards and a "Show more" button that adds the next page, by mouse
// or keyboard; a filter change starts the new list at its first page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
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
