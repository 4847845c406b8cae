// The built page runs under a strict Content-Security-Policy: no inline
// script (Trunk builds no wasm and writes no loader: embed.js, the
// stable-named loader the build writes from public/embed.js, imports the
// hashed JS glue and wasm, whose chunks the glue's loader fetches), no inline styles
// (the widget's stylesheet is adopted into its shadow root), no connections
// elsewhere.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, DIST } from './helpers.mjs';

const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const ctx = useBrowser({ serve: { headers: { 'content-security-policy': STRICT_CSP } } });

test('dist/index.html, embed.html and preview.html have no inline script and no inline event handlers', () => {
  for (const name of ['index.html', 'embed.html', 'preview.html']) {
    const html = readFileSync(join(DIST, name), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    assert.ok(scripts.length > 0, `${name}: no <script> at all`);
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, /\bsrc=/, `${name}: inline <script${attrs}>`);
      assert.equal(body.trim(), '', `${name}: a <script src> with a body`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${name}: inline event handler attribute`);
  }
});

test('every view renders under the strict CSP with no violation reported', async () => {
  const page = await ctx.open();
  assert.equal((await page.textContent('main#app[data-ilo-ready] h1')).trim(), 'China');
  const views = await page.$$eval('nav.views a.tab', (as) => as.map((a) => a.getAttribute('href')));
  for (const view of views) {
    await page.click(`nav.views a.tab[href="${view}"]`);
    const search = new URL(view, ctx.server.url).search;
    await page.waitForFunction((s) => location.search === s, search);
    await page.waitForSelector('nav.views a.tab[aria-current="page"]');
  }
  await page.goto(new URL('?theme=social-protection&q=digital', ctx.server.url).href);
  await page.waitForSelector('main#app[data-ilo-ready] h1');
  const violations = page.consoleErrors.filter((m) => /Content Security Policy/i.test(m));
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
});
