// Filters acting on paragraphs, events and projects together, mirrored in
// the URL: a link restores them and back/forward works.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, newPage, openReport, CHINA } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const cards = (page) => page.locator('article.project-card').count();

test('choosing a theme narrows the projects and updates the URL; back undoes it', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url);
  const before = await cards(page);
  await page.check('input[name="theme"][value="social-protection"]');
  await page.waitForURL(/theme=social-protection/);
  const after = await cards(page);
  const expected = CHINA.projects.filter((p) => p.themes.includes('social-protection')).length;
  assert.equal(after, expected);
  assert.ok(after > 0 && after < before, `${after} of ${before}`);
  // A paragraph that is not about social protection is gone.
  assert.equal(await page.locator('[data-paragraph="lead"]').count(), 0);
  await page.goBack();
  await page.waitForFunction((n) => document.querySelectorAll('article.project-card').length === n, before);
  assert.equal(await page.isChecked('input[name="theme"][value="social-protection"]'), false);
  assert.doesNotMatch(page.url(), /theme=/);
  await page.goForward();
  await page.waitForFunction((n) => document.querySelectorAll('article.project-card').length === n, after);
  assert.equal(await page.isChecked('input[name="theme"][value="social-protection"]'), true);
});

test('a URL with filters restores them', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url, '?theme=social-protection&q=digital&from=2023&to=2026');
  assert.equal(await page.isChecked('input[name="theme"][value="social-protection"]'), true);
  assert.equal(await page.inputValue('input[name="q"]'), 'digital');
  assert.equal(await page.inputValue('select[name="from"]'), '2023');
  assert.equal(await page.inputValue('select[name="to"]'), '2026');
  const marks = await page.$$eval('mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert.ok(marks.length > 0 && marks.every((m) => m === 'digital'), String(marks));
});

test('?q=Kenya shows the Kenya project and hides unrelated paragraphs', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url, '?q=Kenya');
  assert.ok(await page.isVisible('[data-project="social-protection-lao-kenya"]'));
  assert.equal(await cards(page), 1);
  assert.equal(await page.locator('[data-paragraph="lead"]').count(), 0);
  const paragraphs = await page.$$eval('[data-paragraph]', (ps) => ps.map((p) => p.textContent));
  assert.ok(paragraphs.length > 0);
  for (const p of paragraphs) assert.match(p, /Kenya/);
  assert.ok((await page.$$eval('mark', (ms) => ms.map((m) => m.textContent))).includes('Kenya'));
});

test('search ignores case and accents', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url);
  await page.fill('input[name="q"]', 'TIMOR-LÉSTE');
  await page.waitForURL(/q=TIMOR-L%C3%89STE/);
  assert.ok(await page.isVisible('mark:has-text("Timor-Leste")'));
});

test('country filter, counts, clear all and the empty state', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url);
  const count = await page.textContent('label.option:has(input[value="social-protection"]) .count');
  assert.ok(Number(count) > 0);
  await page.selectOption('select[name="country"]', 'KEN');
  await page.waitForURL(/country=KEN/);
  assert.equal(await cards(page), 1);
  assert.ok(await page.isVisible('[data-project="social-protection-lao-kenya"]'));
  await page.click('#filters button.clear-all');
  await page.waitForFunction((n) => document.querySelectorAll('article.project-card').length === n, CHINA.projects.length);
  assert.equal(await page.inputValue('select[name="country"]'), '');
  await page.fill('input[name="q"]', 'zzzzqqq');
  await page.waitForSelector('.empty-state');
  assert.equal(await cards(page), 0);
  await page.click('.empty-state button.clear-all');
  await page.waitForSelector('article.project-card');
  assert.equal(await page.inputValue('input[name="q"]'), '');
});
