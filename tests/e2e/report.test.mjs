// The whole fact sheet on screen: title, every section with its text, the
// timeline, project cards and working contact links.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, newPage, openReport, CHINA } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('shows the title, every section in order, and every paragraph', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url);
  assert.equal(await page.textContent('h1'), CHINA.meta.title);
  assert.equal(await page.textContent('p.subtitle'), CHINA.meta.subtitle);
  const titles = await page.$$eval('section.fs-section > h2', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(titles, CHINA.sections.map((s) => s.title));
  assert.ok(await page.isVisible('[data-paragraph="lead"]'));
  // Every paragraph of running text is on the page, verbatim.
  const shown = new Set(await page.$$eval('[data-paragraph]', (ps) => ps.map((p) => p.textContent)));
  const expected = CHINA.sections
    .filter((s) => s.role !== 'contacts')
    .flatMap((s) => [...s.paragraphs, ...(s.subsections ?? []).flatMap((u) => u.paragraphs), ...(s.closing ?? [])]);
  for (const p of expected) assert.ok(shown.has(p.text), `missing paragraph ${p.id}`);
  assert.equal(await page.locator('.highlights .highlight').count(), CHINA.highlights.length);
  assert.deepEqual(page.errors, []);
});

test('shows the timeline from 1985 to 2027 and a card per project', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url);
  assert.equal(await page.locator('li.event').count(), CHINA.events.length);
  const years = await page.$$eval('li.event time', (ts) => ts.map((t) => Number(t.getAttribute('datetime').slice(0, 4))));
  assert.equal(years[0], 1985);
  assert.equal(years.at(-1), 2027);
  assert.equal(await page.locator('article.project-card').count(), CHINA.projects.length);
  const card = page.locator('[data-project="gdi-employment-asean"]');
  const text = await card.textContent();
  assert.match(text, /2022–2026/);
  assert.match(text, /US\$ 4 million/);
  assert.match(text, /over 186,000 cumulative beneficiaries \(ASEAN\)/);
  const undesa = await page.locator('[data-project="undesa-social-protection"]').textContent();
  assert.match(undesa, /over US\$ 1 million/);
});

test('contacts have working mailto, tel and web links', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url);
  const hrefs = await page.$$eval('.contacts a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('mailto:beijing@ilo.org'), String(hrefs));
  assert.ok(hrefs.includes('mailto:partnerships@ilo.org'));
  assert.ok(hrefs.some((h) => h.startsWith('tel:+41')));
  assert.ok(hrefs.some((h) => h.startsWith('https:')));
});

test('the views show one part each and every request stays on 127.0.0.1', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url, '?view=timeline');
  assert.ok(await page.isVisible('li.event'));
  assert.equal(await page.locator('section.fs-section').count(), 0);
  assert.equal(await page.getAttribute('nav.views a.tab[aria-current="page"]', 'href'), '?view=timeline');
  await page.click('nav.views a.tab:has-text("Projects")');
  await page.waitForSelector('article.project-card');
  assert.equal(await page.locator('li.event').count(), 0);
  assert.match(page.url(), /\?view=projects$/);
  for (const url of page.requests) assert.ok(url.startsWith(server.url), `request left the origin: ${url}`);
});
