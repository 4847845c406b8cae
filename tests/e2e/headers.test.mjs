// The headers the README recommends to deployers, served exactly as written
// there (the block between <!-- headers:start --> and <!-- headers:end -->):
// the full report (index.html, rule [page]) works under them in every view,
// the iframe embed (embed.html, rule [frame]) and the editors' preview page
// (preview.html, rule [preview]) too, with no CSP violation; each response
// carries the headers of its rule, and the hashed-file rule covers every file
// but the stable names (index.html, embed.html, preview.html, embed.js) and data.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { useBrowser, CHINA_TEXT, DIST, ROOT } from './helpers.mjs';

/** { all: {name: value}, page: {...}, preview: {...}, frame: {...}, hashed: {...}, other: {...} } from the README block. */
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
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|html|json)$/;
// Files that keep their name from build to build, so they are never hashed.
const STABLE = ['index.html', 'embed.html', 'preview.html', 'embed.js'];
const ruleFor = (path) => {
  if (path === '/' || path.endsWith('/index.html')) return 'page';
  if (path.endsWith('/embed.html')) return 'frame';
  if (path.endsWith('/preview.html')) return 'preview';
  if (HASHED.test(path)) return path.endsWith('.html') ? 'fragment' : 'hashed';
  return 'other';
};
const headersFor = (path) => ({ ...RULES.all, ...RULES[ruleFor(path)] });

const ctx = useBrowser({ serve: { headers: headersFor } });

test('the README block names the policies, nosniff, a referrer policy and the cache rules', () => {
  assert.deepEqual(Object.keys(RULES).sort(), ['all', 'fragment', 'frame', 'hashed', 'other', 'page', 'preview']);
  // Every HTML page has a strict policy; only the iframe page may be framed.
  const directives = (rule) => Object.fromEntries((RULES[rule]['content-security-policy'] ?? '').split(';')
    .map((d) => d.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...values]) => [name, values]));
  for (const rule of ['page', 'frame', 'preview', 'fragment']) {
    assert.match(RULES[rule]['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/, rule);
    const scripts = directives(rule)['script-src'];
    assert.ok(scripts && !scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), `${rule}: ${scripts}`);
    assert.deepEqual(directives(rule)['default-src'], ["'none'"], rule);
    assert.equal(RULES[rule]['cache-control'], rule === 'fragment' ? RULES.hashed['cache-control'] : 'no-cache', rule);
  }
  assert.deepEqual(directives('page')['frame-ancestors'], ["'none'"]);
  assert.deepEqual(directives('preview')['frame-ancestors'], ["'none'"]);
  // A fragment opened on its own is held to the page's policy.
  assert.equal(RULES.fragment['content-security-policy'], RULES.page['content-security-policy']);
  assert.equal(RULES.all['content-security-policy'], undefined, 'the policy is per page');
  assert.equal(RULES.all['x-content-type-options'], 'nosniff');
  assert.ok(RULES.all['referrer-policy']);
  assert.match(RULES.hashed['cache-control'], /immutable/);
  assert.equal(RULES.other['cache-control'], 'no-cache');
});

test('every file of dist/ but index.html, embed.html, preview.html, embed.js and data/ carries a content hash', () => {
  const files = [];
  const walk = (dir) => readdirSync(dir).forEach((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p); else files.push(relative(DIST, p));
  });
  walk(DIST);
  for (const name of STABLE) assert.ok(files.includes(name), `dist/${name}`);
  assert.ok(STABLE.every((name) => !HASHED.test(name)));
  // A precompressed copy (`x.js.br`, `x.js.gz`) goes with its file's name.
  const unhashed = files.map((f) => f.replace(/\.(br|gz)$/, ''))
    .filter((f) => !STABLE.includes(f) && !f.startsWith('data/') && !HASHED.test(f));
  assert.deepEqual(unhashed, []);
});

test('the site works under the recommended headers, each response with its rule', async () => {
  const page = await ctx.page();
  const seen = [];
  page.on('response', (r) => seen.push({ url: r.url(), status: r.status(), headers: r.headers() }));
  await page.goto(ctx.server.url);
  await page.waitForSelector('main#app[data-ilo-ready] h1');
  for (const view of ['projects', 'timeline', 'map', 'funding']) {
    await page.click(`nav.views a.tab[href*="view=${view}"]`);
    await page.waitForFunction((v) => location.search.includes(`view=${v}`), view);
    await page.waitForSelector('nav.views a.tab[aria-current="page"]');
  }
  await page.waitForSelector('.map-view svg path', { timeout: 30_000 }).catch(() => {});
  // The iframe embed, under its own rule.
  await page.goto(new URL('embed.html?view=projects', ctx.server.url).href);
  await page.waitForSelector('[data-ilo-frame] article.project-card');
  // The preview page, under its own rule, with a file read and its report drawn.
  await page.goto(new URL('preview.html', ctx.server.url).href);
  await page.setInputFiles('[data-ilo-preview] input[type="file"]',
    { name: 'china.json', mimeType: 'application/json', buffer: Buffer.from(CHINA_TEXT) });
  await page.waitForSelector('[data-ilo-preview] .pv-report h1');
  const ok = seen.filter((r) => r.status === 200);
  const paths = ok.map((r) => new URL(r.url).pathname);
  for (const want of ['/', '/embed.html', '/preview.html', '/embed.js', '/data/china.json', '/data/map/world.json']) {
    assert.ok(paths.includes(want), `${want} in ${paths}`);
  }
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

test('every HTML response carries a Content-Security-Policy: the pages, and each prerendered fragment opened on its own', async () => {
  const html = [];
  const walk = (dir) => readdirSync(dir).forEach((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.html')) html.push(relative(DIST, p));
  });
  walk(DIST);
  const fragments = html.filter((f) => /^ilo-factsheet-.*\.html$/.test(f));
  assert.ok(fragments.length >= 5, `prerendered fragments: ${fragments}`);
  for (const file of html) {
    const response = await fetch(new URL(file, ctx.server.url));
    assert.equal(response.status, 200, file);
    assert.match(response.headers.get('content-type'), /^text\/html/, file);
    const policy = response.headers.get('content-security-policy');
    assert.ok(policy, `${file} has no policy`);
    assert.match(policy, /default-src 'none'/, file);
    assert.match(policy, /frame-ancestors (\*|'none')/, file);
  }
  // Opened in the browser, a fragment runs nothing and loads nothing from elsewhere.
  const page = await ctx.page();
  await page.goto(new URL(fragments[0], ctx.server.url).href);
  assert.deepEqual(page.errors, []);
});
