// Filters acting on paragraphs, events and projects together, mirrored in the
// URL: a link restores them, back/forward works, counts sit beside options.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, CHINA } from './helpers.mjs';

const ctx = useBrowser();

const cards = (page) => page.locator('article.project-card').count();
const theme = (id) => `#filters input[type="checkbox"][name="theme"][value="${id}"]`;
const cardCountIs = (page, n) =>
  page.waitForFunction((n) => appRoot().querySelectorAll('article.project-card').length === n, n);

test('ticking a theme narrows the projects and updates the URL; back undoes it, forward redoes it', async () => {
  const page = await ctx.open();
  const all = await cards(page);
  assert.equal(all, CHINA.projects.length);
  await page.check(theme('social-protection'));
  await page.waitForURL(/[?&]theme=social-protection(&|$)/);
  const expected = CHINA.projects.filter((p) => (p.themes ?? []).includes('social-protection')).length;
  await cardCountIs(page, expected);
  const narrowed = await cards(page);
  assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
  // A paragraph that is not about social protection is gone.
  assert.equal(await page.locator('[data-paragraph="lead"]').count(), 0);

  await page.goBack();
  await cardCountIs(page, all);
  assert.equal(await page.isChecked(theme('social-protection')), false);
  assert.doesNotMatch(page.url(), /theme=/);

  await page.goForward();
  await cardCountIs(page, narrowed);
  assert.equal(await page.isChecked(theme('social-protection')), true);
});

test('a URL with filters restores the checkbox, the search box and the years', async () => {
  const page = await ctx.open('?theme=social-protection&q=digital&from=2023&to=2026');
  assert.equal(await page.isChecked(theme('social-protection')), true);
  assert.equal(await page.inputValue('#filters input[type="search"][name="q"]'), 'digital');
  assert.equal(await page.inputValue('#filters select[name="from"]'), '2023');
  assert.equal(await page.inputValue('#filters select[name="to"]'), '2026');
  const marks = await page.$$eval('mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.length > 0 && marks.every((m) => m === 'digital'), String(marks));
});

test('?q=Kenya shows the Kenya project, hides unrelated paragraphs and marks the word', async () => {
  const page = await ctx.open('?q=Kenya');
  await page.waitForSelector('article.project-card[data-project="social-protection-lao-kenya"]');
  assert.ok(await page.isVisible('[data-project="social-protection-lao-kenya"]'));
  assert.equal(await cards(page), 1);
  assert.equal(await page.locator('[data-paragraph="lead"]').count(), 0);
  const paragraphs = await page.$$eval('[data-paragraph]', (ps) => ps.map((p) => p.textContent));
  assert.ok(paragraphs.length > 0);
  for (const p of paragraphs) assert.match(p, /Kenya/);
  assert.ok((await page.$$eval('mark', (ms) => ms.map((m) => m.textContent))).includes('Kenya'));
});

test('search ignores case and accents', async () => {
  const page = await ctx.open();
  await page.fill('#filters input[name="q"]', 'TIMOR-LÉSTE');
  await page.waitForURL(/q=TIMOR-L%C3%89STE/);
  assert.ok(await page.isVisible('mark:has-text("Timor-Leste")'));
});

test('every theme option shows a count, and the country filter narrows', async () => {
  const page = await ctx.open();
  const counts = await page.$$eval('#filters input[name="theme"]', (inputs) =>
    inputs.map((i) => [i.value, i.closest('label')?.querySelector('.count')?.textContent.trim()]));
  assert.ok(counts.length > 0);
  for (const [value, count] of counts) assert.match(count ?? '', /\d/, `no .count beside theme ${value}`);
  const sp = counts.find(([v]) => v === 'social-protection');
  assert.ok(Number(sp[1].replace(/\D/g, '')) > 0);

  await page.selectOption('#filters select[name="country"]', 'KEN');
  await page.waitForURL(/country=KEN/);
  await cardCountIs(page, 1);
  assert.ok(await page.isVisible('[data-project="social-protection-lao-kenya"]'));
});

test('clear all restores everything, and a query matching nothing shows the empty state', async () => {
  const page = await ctx.open('?theme=social-protection&q=digital&country=KEN');
  await page.click('#filters button.clear-all');
  await cardCountIs(page, CHINA.projects.length);
  assert.equal(await page.isChecked(theme('social-protection')), false);
  assert.equal(await page.inputValue('#filters input[name="q"]'), '');
  assert.equal(await page.inputValue('#filters select[name="country"]'), '');
  assert.equal(await page.locator('section.fs-section').count(), CHINA.sections.length);
  assert.ok(await page.isVisible('p[data-paragraph="lead"]'));
  assert.doesNotMatch(page.url(), /theme=|q=|country=/);

  await page.fill('#filters input[name="q"]', 'zzzzqqq');
  await page.waitForSelector('.empty-state');
  assert.equal(await cards(page), 0);
  await page.click('.empty-state button.clear-all');
  await page.waitForSelector('article.project-card');
  assert.equal(await page.inputValue('#filters input[name="q"]'), '');
});

test('opening ?q=zzzzqqq directly shows the empty state', async () => {
  const page = await ctx.open('?q=zzzzqqq');
  await page.waitForSelector('.empty-state');
  assert.equal(await cards(page), 0);
});
