// The whole fact sheet on screen: title, every section with its text, the
// timeline, project cards and working contact links. Expected values come from
// dist/data/china.json, never from the app's code.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, CHINA } from './helpers.mjs';

const ctx = useBrowser();

test('a link to another state than the prerendered one shows a busy skeleton, then the report replaces it', async () => {
  const page = await ctx.page();
  // Hold the data back so the loading state is observable.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/data/china.json', async (route) => { await held; await route.continue(); });
  await page.goto(`${ctx.server.url}?view=projects&theme=skills`);
  await page.waitForSelector('main#app .skeleton[aria-busy="true"]', { state: 'visible' });
  // Not a prerendered view: that would show the wrong content.
  assert.equal(await page.locator('main#app section.fs-section, main#app article.project-card').count(), 0);
  release();
  await page.waitForSelector('main#app[data-ilo-ready] article.project-card');
  assert.equal(await page.locator('.skeleton[aria-busy="true"]').count(), 0);
});

test('shows the title, every section in order with its heading, and every paragraph', async () => {
  const page = await ctx.open();
  assert.equal(CHINA.meta.title, 'China');
  assert.equal((await page.textContent('main#app[data-ilo-ready] h1')).trim(), 'China');
  assert.equal((await page.textContent('p.subtitle')).trim(), CHINA.meta.subtitle);
  assert.ok(await page.isVisible('p[data-paragraph="lead"]'), 'lead paragraph');

  const sections = await page.$$eval('section.fs-section', (ss) => ss.map((s) => ({
    id: s.id, title: s.querySelector('h2')?.textContent.trim(),
  })));
  assert.equal(sections.length, CHINA.sections.length);
  assert.deepEqual(sections, CHINA.sections.map((s) => ({ id: `section-${s.id}`, title: s.title })));

  // Every paragraph of running text is on the page, verbatim.
  const shown = new Set(await page.$$eval('[data-paragraph]', (ps) => ps.map((p) => p.textContent)));
  const expected = CHINA.sections
    .filter((s) => s.role !== 'contacts')
    .flatMap((s) => [...(s.paragraphs ?? []), ...(s.subsections ?? []).flatMap((u) => u.paragraphs ?? []), ...(s.closing ?? [])]);
  for (const p of expected) assert.ok(shown.has(p.text), `missing paragraph ${p.id}`);
  assert.equal(await page.locator('.highlights .highlight').count(), CHINA.highlights.length);
  assert.deepEqual(page.errors, []);
});

test('shows the timeline from 1985 to 2027 and a card per project', async () => {
  const page = await ctx.open();
  const events = await page.locator('li.event').count();
  assert.ok(events >= 20, `${events} events`);
  assert.equal(events, CHINA.events.length);
  const ids = await page.$$eval('li.event', (es) => es.map((e) => e.dataset.event));
  assert.deepEqual(new Set(ids), new Set(CHINA.events.map((e) => e.id)));
  const years = await page.$$eval('li.event time', (ts) => ts.map((t) => Number(t.getAttribute('datetime').slice(0, 4))));
  assert.equal(years[0], 1985);
  assert.equal(years.at(-1), 2027);

  assert.ok((await page.locator('article.project-card').count()) >= 1);
  assert.equal(await page.locator('article.project-card').count(), CHINA.projects.length);
  for (const p of CHINA.projects) assert.equal(await page.locator(`article.project-card[data-project="${p.id}"]`).count(), 1, p.id);
  const text = await page.locator('[data-project="gdi-employment-asean"]').textContent();
  assert.match(text, /2022–2026/);
  assert.match(text, /US\$ 4 million/);
  assert.match(text, /over 186,000 cumulative beneficiaries \(ASEAN\)/);
  assert.match(await page.locator('[data-project="undesa-social-protection"]').textContent(), /over US\$ 1 million/);
});

test('contacts have working mailto, tel and https links', async () => {
  const page = await ctx.open();
  const hrefs = await page.$$eval('.contacts a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.some((h) => h.startsWith('mailto:')), String(hrefs));
  assert.ok(hrefs.some((h) => h.startsWith('tel:')), String(hrefs));
  assert.ok(hrefs.some((h) => h.startsWith('https:')), String(hrefs));
  assert.ok(hrefs.includes('mailto:beijing@ilo.org'), String(hrefs));
  assert.ok(hrefs.includes('mailto:partnerships@ilo.org'), String(hrefs));
  assert.ok(hrefs.some((h) => h.startsWith('tel:+41')), String(hrefs));
  assert.ok(await page.locator('a[href^="mailto:"]').count() > 0);
  assert.ok(await page.locator('a[href^="tel:"]').count() > 0);
  assert.ok(await page.locator('a[href^="https:"]').count() > 0);
});

test('the views show one part each, the active tab is marked, and every request stays on 127.0.0.1', async () => {
  const page = await ctx.open('?view=timeline');
  assert.ok(await page.isVisible('li.event'));
  assert.equal(await page.locator('section.fs-section').count(), 0);
  assert.equal(await page.locator('nav.views a.tab[aria-current="page"]').count(), 1);
  assert.equal(await page.getAttribute('nav.views a.tab[aria-current="page"]', 'href'), '?view=timeline');
  await page.click('nav.views a.tab[href="?view=projects"]');
  await page.waitForSelector('article.project-card');
  assert.equal(await page.locator('li.event').count(), 0);
  assert.match(page.url(), /\?view=projects$/);
  assert.equal(await page.getAttribute('nav.views a.tab[aria-current="page"]', 'href'), '?view=projects');
  // (useBrowser's afterEach also checks every request of every page.)
  for (const url of page.requests) assert.ok(url.startsWith(ctx.server.url), `request left the origin: ${url}`);
});

test('a link to a section (#section-…) scrolls to it inside the widget, and so does a new fragment', async () => {
  const last = CHINA.sections.at(-1).id;
  const page = await ctx.page({ viewport: { width: 1200, height: 700 } });
  await page.goto(new URL(`#section-${last}`, ctx.server.url).href);
  await page.waitForSelector('main#app[data-ilo-ready] h1');
  const top = (id) => page.evaluate((i) => appRoot().getElementById(i).getBoundingClientRect().top, id);
  await page.waitForFunction((i) => Math.abs(appRoot().getElementById(i).getBoundingClientRect().top) < 5, `section-${last}`);
  assert.ok(await page.evaluate(() => scrollY) > 500, 'the page scrolled down to the last section');
  // A fragment change on the same page (hashchange) scrolls too.
  const first = CHINA.sections[0].id;
  await page.evaluate((i) => { location.hash = `#section-${i}`; }, first);
  await page.waitForFunction((i) => Math.abs(appRoot().getElementById(i).getBoundingClientRect().top) < 5, `section-${first}`);
  assert.ok(Math.abs(await top(`section-${first}`)) < 5);
});
