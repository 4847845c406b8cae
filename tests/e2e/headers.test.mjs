// The headers the README recommends to deployers, served exactly as written
// there (the block between <!-- headers:start --> and <!-- headers:end -->):
// the site works under them in every view with no CSP violation, each
// response carries the headers of its rule, and the hashed-file rule covers
// every file that is not index.html or data.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { useBrowser, DIST, ROOT } from './helpers.mjs';

/** { all: {name: value}, hashed: {...}, other: {...} } from the README block. */
export function readmeHeaders() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = readme.split('<!-- headers:start -->')[1]?.split('<!-- headers:end -->')[0];
  if (!block) throw new Error('README.md has no headers block');
  const rules = {};
  let rule = null;
  for (const line of block.split('\n')) {
    const head = line.match(/^# \[(\w+)\]/);
    if (head) { rule = head[1]; rules[rule] = {}; continue; }
    const header = line.match(/^([A-Za-z-]+): (.+)$/);
    if (header && rule) rules[rule][header[1].toLowerCase()] = header[2];
  }
  return rules;
}

const RULES = readmeHeaders();
// Trunk writes the 64-bit hash in hex without leading zeros: up to 16 digits.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;
const ruleFor = (path) => (HASHED.test(path) ? 'hashed' : 'other');
const headersFor = (path) => ({ ...RULES.all, ...RULES[ruleFor(path)] });

const ctx = useBrowser({ serve: { headers: headersFor } });

test('the README block names the policy, nosniff, a referrer policy and both cache rules', () => {
  assert.deepEqual(Object.keys(RULES).sort(), ['all', 'hashed', 'other']);
  assert.match(RULES.all['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  const scripts = RULES.all['content-security-policy'].split(';').map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'script-src');
  assert.ok(scripts && !scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), String(scripts));
  assert.equal(RULES.all['x-content-type-options'], 'nosniff');
  assert.ok(RULES.all['referrer-policy']);
  assert.match(RULES.hashed['cache-control'], /immutable/);
  assert.equal(RULES.other['cache-control'], 'no-cache');
});

test('every file of dist/ but index.html and data/ carries a content hash', () => {
  const files = [];
  const walk = (dir) => readdirSync(dir).forEach((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p); else files.push(relative(DIST, p));
  });
  walk(DIST);
  const unhashed = files.filter((f) => f !== 'index.html' && !f.startsWith('data/') && !HASHED.test(f));
  assert.deepEqual(unhashed, []);
});

test('the site works under the recommended headers, each response with its rule', async () => {
  const page = await ctx.page();
  const seen = [];
  page.on('response', (r) => seen.push({ url: r.url(), status: r.status(), headers: r.headers() }));
  await page.goto(ctx.server.url);
  await page.waitForSelector('main#app h1');
  for (const view of ['projects', 'timeline', 'map', 'funding']) {
    await page.click(`nav.views a.tab[href*="view=${view}"]`);
    await page.waitForFunction((v) => location.search.includes(`view=${v}`), view);
    await page.waitForSelector('nav.views a.tab[aria-current="page"]');
  }
  await page.waitForSelector('.map-view svg path', { timeout: 30_000 }).catch(() => {});
  const ok = seen.filter((r) => r.status === 200);
  const paths = ok.map((r) => new URL(r.url).pathname);
  for (const want of ['/', '/data/china.json', '/data/map/world.json']) assert.ok(paths.includes(want), `${want} in ${paths}`);
  assert.ok(paths.some((p) => p.endsWith('.wasm')), 'the wasm');
  for (const r of ok) {
    const path = new URL(r.url).pathname;
    for (const [name, value] of Object.entries(headersFor(path))) {
      assert.equal(r.headers[name], value, `${path}: ${name}`);
    }
  }
  const violations = page.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m));
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
});
