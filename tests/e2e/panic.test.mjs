// A panic never leaves a frozen page: the hook puts an alert at the top of the
// widget saying what happened, with the program's message under "Details"
// and a Reload link, and logs it once. The panic is real: a build with the
// test-only feature `panic-test` (target/dist-panic-test, `make panic-dist`)
// panics once mounted when the page's query holds `ilo-panic-test`. The
// shipped build (dist/) has no such way in.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, serveDir, DIST, ROOT } from './helpers.mjs';

const PANIC_DIST = join(ROOT, 'target/dist-panic-test');
if (!existsSync(join(PANIC_DIST, 'index.html'))) throw new Error(`${PANIC_DIST} is missing: run \`make panic-dist\``);

const ctx = useBrowser({ serve: { dist: PANIC_DIST, headers: { 'access-control-allow-origin': '*' } } });

// The main wasm (the map, funding and preview chunks beside it are not compared).
const wasmOf = (dir) => readFileSync(join(dir, readdirSync(dir).find((f) => /^ilo-factsheet-web-[0-9a-f]{16}_bg\.wasm$/.test(f))));

test('a panic shows its message in the widget with a Reload link, logged once', async () => {
  const page = await ctx.page();
  await page.goto(new URL('?ilo-panic-test#section-overview', ctx.server.url).href);
  await page.waitForSelector('main#app .ilo-factsheet > .crashed[role="alert"]');
  assert.equal(await page.locator('.crashed').count(), 1, 'one alert, however the panic cascades');
  assert.match(await page.textContent('.crashed .alert-title'), /Something went wrong while showing the fact sheet/);
  // The program's own message, folded under Details.
  assert.ok(!(await page.isVisible('.crashed code')));
  await page.click('.crashed summary');
  assert.match(await page.textContent('.crashed code'), /panic-test: a deliberate panic to test the hook/);
  const logged = page.consoleErrors.filter((m) => m.startsWith('ilo-factsheet: '));
  assert.equal(logged.length, 1, logged.join('\n'));
  assert.match(logged[0], /deliberate panic/);

  // Reload is a link to the page itself, without the fragment (which would only scroll).
  const href = await page.getAttribute('.crashed a.reload', 'href');
  assert.match(page.url(), /#section-overview$/);
  assert.equal(href, page.url().split('#')[0]);
  assert.match(href, /\?ilo-panic-test/);
  await page.evaluate(() => { window.__beforeReload = true; });
  await Promise.all([page.waitForEvent('load'), page.click('.crashed a.reload')]);
  assert.equal(await page.evaluate(() => window.__beforeReload), undefined, 'a fresh document');
  await page.waitForSelector('main#app .ilo-factsheet > .crashed[role="alert"]');
});

test('the same test build without the query shows the report and no crash', async () => {
  const page = await ctx.open();
  assert.equal((await page.textContent('main#app[data-ilo-ready] h1')).trim(), 'China');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.crashed').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the shipped build holds no way to panic on purpose', () => {
  assert.ok(wasmOf(PANIC_DIST).includes('ilo-panic-test'), 'the test build has the trigger (so this check can fail)');
  assert.ok(!wasmOf(DIST).includes('ilo-panic-test'), 'dist/ must be built without the panic-test feature');
});

test('on a host page on another origin, the panic reaches every widget in its shadow root', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ilo-host-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><meta charset="utf-8"><title>Host</title>
    <link rel="icon" href="data:,"><script type="module" src="${ctx.server.url}embed.js"></script></head><body>
    <div id="a" data-ilo-factsheet data-view="map"></div><ilo-factsheet id="b" view="funding"></ilo-factsheet></body></html>`);
  const host = await serveDir(dir);
  ctx.hosts.push(host);
  t.after(async () => { await host.close(); rmSync(dir, { recursive: true, force: true }); });
  const page = await ctx.page();
  await page.goto(`${host.url}?ilo-panic-test`);
  for (const id of ['a', 'b']) {
    await page.waitForFunction((i) => document.getElementById(i).shadowRoot?.querySelector('.crashed[role="alert"]'), id);
  }
  const texts = await page.evaluate(() => ['a', 'b'].map((i) => document.getElementById(i).shadowRoot.querySelector('.crashed .alert-title').textContent));
  for (const text of texts) assert.match(text, /Something went wrong/);
  assert.equal(page.consoleErrors.filter((m) => m.startsWith('ilo-factsheet: ')).length, 1, 'logged once');
});
