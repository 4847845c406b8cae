// Never a blank page: a missing file, a broken item, a truncated file, a
// foreign data address, a server error and a dropped connection each give a
// clear role="alert" message, and so do going offline and a server that never
// answers; Retry recovers where retrying makes sense.
// Every test has its own copy of dist/, so removing or breaking files is safe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, CHINA, CHINA_TEXT } from './helpers.mjs';

const ctx = useBrowser();

test('a missing data file shows a 404 alert with Retry, which recovers once the file is back', async () => {
  ctx.server.remove('data/china.json');
  const page = await ctx.open();
  await page.waitForSelector('[role="alert"]');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /404/);
  assert.match(alert, /data\/china\.json/);
  assert.ok(await page.isVisible('button.retry'));
  assert.equal(await page.locator('main#app[data-ilo-ready] .fs-header h1').count(), 0, 'no report');
  // The alert is the page's heading meanwhile.
  assert.match(await page.textContent('main#app .load-failed h1'), /404/);

  ctx.server.put('data/china.json', CHINA_TEXT);
  await page.click('button.retry');
  await page.waitForSelector('main#app[data-ilo-ready] .fs-header h1');
  assert.equal((await page.textContent('main#app[data-ilo-ready] .fs-header h1')).trim(), 'China');
  assert.equal(await page.locator('[role="alert"]').count(), 0);
});

test('one broken project names its path in a code element, and every section still renders', async () => {
  const broken = structuredClone(CHINA);
  broken.projects[1].funding.amount_usd = 'lots';
  ctx.server.put('data/broken.json', JSON.stringify(broken, null, 2));
  const page = await ctx.open('?data=data/broken.json');
  await page.waitForSelector('[role="alert"]');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /projects\[1\]/);
  const codes = await page.$$eval('[role="alert"] code', (cs) => cs.map((c) => c.textContent));
  assert.ok(codes.some((c) => c.includes('projects[1]')), `problem paths in <code>: ${codes}`);
  assert.equal((await page.textContent('main#app[data-ilo-ready] h1')).trim(), 'China');
  assert.equal(await page.locator('section.fs-section').count(), CHINA.sections.length);
  const titles = await page.$$eval('section.fs-section h2', (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(titles, CHINA.sections.map((s) => s.title));
  assert.equal(await page.locator(`[data-project="${CHINA.projects[1].id}"]`).count(), 0);
  assert.equal(await page.locator('article.project-card').count(), CHINA.projects.length - 1);
});

test('a truncated file gives an alert with line and column', async () => {
  ctx.server.put('data/truncated.json', CHINA_TEXT.slice(0, 5000));
  const page = await ctx.open('?data=data/truncated.json');
  await page.waitForSelector('[role="alert"]');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /line \d+/);
  assert.match(alert, /column \d+/);
});

test('a data file on another origin is refused, without any request to it', async () => {
  const page = await ctx.open('?data=https://example.com/x.json');
  await page.waitForSelector('[role="alert"]');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /origin|not on this site|another site|other site/i);
  assert.ok(!page.requests.some((u) => new URL(u).hostname.endsWith('example.com')), String(page.requests));
  assert.ok(page.requests.every((u) => new URL(u).origin === new URL(ctx.server.url).origin), String(page.requests));
});

test('a newer format version is refused with a message', async () => {
  ctx.server.put('data/v2.json', JSON.stringify({ ...CHINA, format_version: 2 }));
  const page = await ctx.open('?data=data/v2.json');
  assert.match(await page.textContent('[role="alert"]'), /format version 2/);
});

test('a server error names the status, and Retry recovers', async () => {
  const page = await ctx.page();
  let fail = true;
  await page.route('**/data/china.json', (route) => (fail ? route.fulfill({ status: 500, body: 'oops' }) : route.continue()));
  await page.goto(ctx.server.url);
  await page.waitForSelector('[role="alert"]');
  assert.match(await page.textContent('[role="alert"]'), /500/);
  fail = false;
  await page.click('button.retry');
  await page.waitForSelector('main#app[data-ilo-ready] h1');
  assert.equal((await page.textContent('main#app[data-ilo-ready] h1')).trim(), 'China');
});

test('a dropped connection gives an alert, and Retry works once it is back', async () => {
  const page = await ctx.page();
  await page.route('**/data/china.json', (route) => route.abort('internetdisconnected'));
  await page.goto(ctx.server.url);
  await page.waitForSelector('[role="alert"]');
  assert.match(await page.textContent('[role="alert"]'), /network|offline|connection/i);
  await page.unroute('**/data/china.json');
  await page.click('button.retry');
  await page.waitForSelector('main#app[data-ilo-ready] h1');
});

test('offline: the alert says so, and Retry works once the connection is back', async () => {
  const page = await ctx.page();
  // Hold the data request until the browser is offline, then drop it.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/data/china.json', async (route) => { await held; await route.abort('internetdisconnected'); });
  await page.goto(ctx.server.url);
  await page.waitForFunction(() => appRoot().querySelector('[aria-busy="true"]'));
  await page.context().setOffline(true);
  release();
  await page.waitForSelector('[role="alert"]');
  assert.match(await page.textContent('[role="alert"]'), /offline/i);
  await page.unroute('**/data/china.json');
  await page.context().setOffline(false);
  await page.click('button.retry');
  await page.waitForSelector('main#app[data-ilo-ready] h1');
  assert.equal(await page.locator('[role="alert"]').count(), 0);
});

test('a server that never answers: the fetch is stopped with a timeout alert, and Retry recovers', async () => {
  const page = await ctx.page();
  let hang = true;
  await page.route('**/data/china.json', (route) => (hang ? undefined : route.continue()));
  await page.goto(ctx.server.url);
  // The app gives up after 20 s.
  await page.waitForSelector('[role="alert"]', { timeout: 40_000 });
  assert.match(await page.textContent('[role="alert"]'), /took too long/);
  hang = false;
  await page.click('button.retry');
  await page.waitForSelector('main#app[data-ilo-ready] h1');
  assert.equal((await page.textContent('main#app[data-ilo-ready] h1')).trim(), 'China');
});
