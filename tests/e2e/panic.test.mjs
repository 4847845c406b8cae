// A panic never leaves a frozen page: the hook puts an alert at the top of the
// widget saying what happened, with the program's message under "Details"
// and a Reload link, and logs it once. The panic is real: a build with the
// test-only feature `panic-test` (target/dist-panic-test, `make panic-dist`)
// panics once mounted when the page's query holds `ilo-panic-test`. The
// shipped build (dist/) has no such way in.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, DIST, ROOT } from './helpers.mjs';

const PANIC_DIST = join(ROOT, 'target/dist-panic-test');
if (!existsSync(join(PANIC_DIST, 'index.html'))) throw new Error(`${PANIC_DIST} is missing: run \`make panic-dist\``);

const ctx = useBrowser({ serve: { dist: PANIC_DIST } });

const wasmOf = (dir) => readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.wasm'))));

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
  assert.equal((await page.textContent('main#app h1')).trim(), 'China');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.crashed').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the shipped build holds no way to panic on purpose', () => {
  assert.ok(wasmOf(PANIC_DIST).includes('ilo-panic-test'), 'the test build has the trigger (so this check can fail)');
  assert.ok(!wasmOf(DIST).includes('ilo-panic-test'), 'dist/ must be built without the panic-test feature');
});
