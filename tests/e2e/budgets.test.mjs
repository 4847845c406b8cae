// The built dist/ as shipped: every page, script, stylesheet and the wasm has
// precompressed `.br` and `.gz` copies holding exactly its bytes (data/ has
// none: editors replace those files), and the sizes stay within their
// budgets (issue 12; sizes are stable, so these pass or fail). The wasm is
// split (scripts/build-wasm.mjs): the main part, and a chunk for each of the
// map view, the funding view and the preview page (and small chunks those
// share), fetched when first shown (tests/e2e/split.test.mjs). The first
// view's wasm budget (150 KB gzip) is still not met: the README's "Where the
// bytes go" says why; `make bench` prints where its bytes go.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { DIST } from './helpers.mjs';

const top = readdirSync(DIST).filter((f) => /\.(html|js|css|wasm)$/.test(f));
const gz = (name) => gzipSync(readFileSync(join(DIST, name)), { level: 9 }).length;

test('every shipped page, script, stylesheet and wasm has .br and .gz copies of exactly its bytes', () => {
  assert.ok(top.some((f) => f.endsWith('.wasm')) && top.includes('embed.js') && top.includes('index.html'), String(top));
  for (const name of top) {
    const body = readFileSync(join(DIST, name));
    assert.ok(gunzipSync(readFileSync(join(DIST, `${name}.gz`))).equals(body), `${name}.gz`);
    assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${name}.br`))).equals(body), `${name}.br`);
  }
  const walk = (dir) => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  assert.deepEqual(walk(join(DIST, 'data')).filter((f) => /\.(br|gz)$/.test(f)), [], 'no compressed copy under data/');
});

test('embed.js stays under 5 KB gzip', () => {
  assert.ok(gz('embed.js') <= 5_000, `embed.js: ${gz('embed.js')} bytes gzip`);
});

test('what shows content (the page with its prerendered report, and the stylesheets) stays under 40 KB gzip', () => {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(index, /<template shadowrootmode="open"><link rel="stylesheet" href="ilo-factsheet-[0-9a-f]{16}\.css"><div data-ilo-prerendered>/);
  assert.ok(index.includes('class="fs-section"'), 'the report is in the page');
  // Nothing competes with the first paint: the wasm is asked for by embed.js once it has painted.
  assert.doesNotMatch(index, /\.wasm"|modulepreload/);
  // (The preview page's own stylesheet is not one of them.)
  const css = top.filter((f) => f.endsWith('.css') && !f.startsWith('ilo-preview-'));
  assert.ok(css.length >= 2, String(css));
  const bytes = gz('index.html') + css.reduce((n, f) => n + gz(f), 0);
  assert.ok(bytes <= 40_000, `index.html and ${css.join(', ')}: ${bytes} bytes gzip`);
  assert.ok(existsSync(join(DIST, 'embed.html')));
});

test('each view\'s prerendered fragment (for embeds, and for our page opened on it) stays under 15 KB gzip', () => {
  const views = (re) => top.filter((f) => re.test(f)).map((f) => f.match(re)[1]).sort();
  assert.deepEqual(views(/^ilo-factsheet-([a-z]+)-[0-9a-f]{16}\.html$/), ['full', 'funding', 'map', 'projects', 'timeline']);
  assert.deepEqual(views(/^ilo-factsheet-page-([a-z]+)-[0-9a-f]{16}\.html$/), ['funding', 'map', 'projects', 'timeline']);
  // In the other interface languages too, our page's full report included.
  for (const lang of ['ar', 'es', 'fr', 'zh']) {
    assert.deepEqual(views(new RegExp(`^ilo-factsheet-([a-z]+)-${lang}-[0-9a-f]{16}\\.html$`)), ['full', 'funding', 'map', 'projects', 'timeline'], lang);
    assert.deepEqual(views(new RegExp(`^ilo-factsheet-page-([a-z]+)-${lang}-[0-9a-f]{16}\\.html$`)), ['full', 'funding', 'map', 'projects', 'timeline'], lang);
  }
  for (const f of top.filter((f) => f.endsWith('.html') && f.startsWith('ilo-factsheet-'))) {
    assert.ok(gz(f) <= 15_000, `${f}: ${gz(f)} bytes gzip`);
  }
});

test('the map geometry stays under 60 KB gzip', () => {
  const bytes = gzipSync(readFileSync(join(DIST, 'data/map/world.json')), { level: 9 }).length;
  assert.ok(bytes <= 60_000, `data/map/world.json: ${bytes} bytes gzip`);
});

const MAIN = /^ilo-factsheet-web-[0-9a-f]{16}_bg\.wasm$/;
const wasm = top.filter((f) => f.endsWith('.wasm'));
const chunks = wasm.filter((f) => !MAIN.test(f));

test('the wasm is split: the main part, and the map, funding and preview chunks, each on-demand chunk under 120 KB gzip', () => {
  assert.equal(wasm.filter((f) => MAIN.test(f)).length, 1, String(wasm));
  for (const split of ['map_view', 'funding_view', 'preview_page', 'embed_dialog']) {
    assert.equal(chunks.filter((f) => new RegExp(`^split_${split}_\\d+-[0-9a-f]{16}\\.wasm$`).test(f)).length, 1, `${split} in ${chunks}`);
  }
  for (const f of chunks) assert.ok(gz(f) <= 120_000, `${f}: ${gz(f)} bytes gzip`);
});

// The main part was 291 KB when split; the five interface languages (their
// layer, the English catalogue, Intl, the switcher) and texts by language
// brought it to 319 KB; the phones' layout (the filters' sheet, a modal
// dialog with its focus handling; the sticky bar; the map's first frame)
// to about 325 KB (this test's gzip). The forgiving reader and the checker
// in a chunk of their own (a fast strict reader in the main part) brought it
// to about 290 KB.
test('the map, funding and checking code is in their chunks, not in the main wasm (under 300 KB gzip, from 426 KB unsplit)', () => {
  const main = wasm.find((f) => MAIN.test(f));
  assert.ok(gz(main) <= 300_000, `${main}: ${gz(main)} bytes gzip`);
  // Their chunks carry the views' code: tens of KB each, not a stub.
  for (const split of ['map_view', 'funding_view']) {
    const f = chunks.find((c) => c.startsWith(`split_${split}_`));
    assert.ok(gz(f) >= 30_000, `${f}: only ${gz(f)} bytes gzip`);
  }
  // The main wasm is named in embed.js, the chunks only by the loader the main part imports.
  const embed = readFileSync(join(DIST, 'embed.js'), 'utf8');
  assert.ok(embed.includes(main));
  for (const f of chunks) assert.ok(!embed.includes(f), `${f} in embed.js`);
  const loader = top.find((f) => /^ilo-split-[0-9a-f]{16}\.js$/.test(f));
  const loaderText = readFileSync(join(DIST, loader), 'utf8');
  for (const f of chunks) assert.ok(loaderText.includes(`"./${f}"`), `${f} not in ${loader}`);
});
