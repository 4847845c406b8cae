// Never a blank page: a missing file, a broken item, a truncated file and a
// foreign data address each give a clear role="alert" message.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist, launch, newPage, openReport, CHINA, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const original = readFileSync(join(ROOT, 'data/china.json'), 'utf8');

test('a missing data file shows the alert, and Retry recovers once it is back', async () => {
  server.remove('data/china.json');
  try {
    const page = await newPage(browser);
    await openReport(page, server.url);
    const alert = await page.textContent('[role="alert"]');
    assert.match(alert, /data\/china\.json/);
    assert.match(alert, /404/);
    server.put('data/china.json', original);
    await page.click('button.retry');
    await page.waitForSelector('h1');
    assert.equal(await page.textContent('h1'), CHINA.meta.title);
    assert.equal(await page.locator('[role="alert"]').count(), 0);
  } finally {
    server.put('data/china.json', original);
  }
});

test('one broken project shows its path and the rest of the report', async () => {
  const broken = structuredClone(CHINA);
  broken.projects[1].funding.amount_usd = 'lots';
  server.put('data/broken.json', JSON.stringify(broken));
  const page = await newPage(browser);
  await openReport(page, server.url, '?data=data/broken.json');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /projects\[1\]\.funding\.amount_usd/);
  assert.equal(await page.locator('section.fs-section').count(), CHINA.sections.length);
  assert.equal(await page.locator('article.project-card').count(), CHINA.projects.length - 1);
  assert.equal(await page.locator(`[data-project="${CHINA.projects[1].id}"]`).count(), 0);
  assert.match(page.url(), /data=data%2Fbroken\.json|data=data\/broken\.json/);
});

test('a truncated file gives line and column', async () => {
  server.put('data/truncated.json', original.slice(0, 5000));
  const page = await newPage(browser);
  await openReport(page, server.url, '?data=data/truncated.json');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /line \d+, column \d+/);
  assert.match(alert, /truncated/);
});

test('a data file on another origin is refused without a request', async () => {
  const page = await newPage(browser);
  await openReport(page, server.url, '?data=https://example.com/x.json');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /not on this site/);
  assert.equal(await page.locator('button.retry').count(), 0);
  assert.ok(page.requests.every((u) => new URL(u).host === new URL(server.url).host), String(page.requests));
});

test('a newer format version is refused with a message', async () => {
  server.put('data/v2.json', JSON.stringify({ ...CHINA, format_version: 2 }));
  const page = await newPage(browser);
  await openReport(page, server.url, '?data=data/v2.json');
  assert.match(await page.textContent('[role="alert"]'), /format version 2/);
});

test('a server error names the status, and Retry recovers', async () => {
  const page = await newPage(browser);
  let fail = true;
  await page.route('**/data/china.json', (route) => (fail ? route.fulfill({ status: 500, body: 'oops' }) : route.continue()));
  await openReport(page, server.url);
  assert.match(await page.textContent('[role="alert"]'), /HTTP 500/);
  fail = false;
  await page.click('button.retry');
  await page.waitForSelector('h1');
  assert.equal(await page.textContent('h1'), CHINA.meta.title);
});

test('a dropped connection gives an alert, and Retry works once it is back', async () => {
  const page = await newPage(browser);
  await page.route('**/data/china.json', (route) => route.abort('internetdisconnected'));
  await openReport(page, server.url);
  assert.match(await page.textContent('[role="alert"]'), /network request failed|offline/);
  await page.unroute('**/data/china.json');
  await page.click('button.retry');
  await page.waitForSelector('h1');
});
