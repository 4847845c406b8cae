// The embed protocol has one source, the Rust core (`embed::Protocol`): the
// build writes it into embed.js, and the two halves agree in a browser where
// they used to drift (url-sync="off", the reader's language).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, TIMEOUT, serveHost, useBrowser } from './helpers.mjs';

const ctx = useBrowser({ serve: { headers: { 'access-control-allow-origin': '*' } } });

test('dist/embed.js carries the protocol the Rust core wrote for this build, and no copy of its own', () => {
  const shipped = readFileSync(join(DIST, 'embed.js'), 'utf8');
  const written = JSON.parse(readFileSync(join(ROOT, 'target/prerender/protocol.json'), 'utf8'));
  const carried = shipped.match(/const PROTOCOL = (\{.*?\});\n/)?.[1];
  assert.ok(carried, 'embed.js has its PROTOCOL');
  assert.deepEqual(JSON.parse(carried), written);
  for (const key of ['options', 'state', 'schemes', 'url_sync_off', 'views', 'languages', 'not_spoken',
    'ready_event', 'height_message', 'placeholder', 'data']) {
    assert.ok(key in written, key);
  }
  assert.ok(!readFileSync(join(ROOT, 'public/embed.js'), 'utf8').includes('ilo-factsheet:ready'), 'no event name of its own');
});

/** A host page with one map widget, `attributes` on it, served from another origin. */
async function hostWith(t, attributes) {
  return serveHost(ctx, t, {
    'index.html': `<!doctype html><html><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${ctx.server.url}embed.js"></script></head>
<body><div id="w" data-ilo-factsheet data-view="map" ${attributes}></div></body></html>`,
  });
}

/** The prerendered fragments the page asked for, by file name. */
const fragmentsAsked = (page) => page.requests.map((u) => new URL(u).pathname.slice(1))
  .filter((p) => /^ilo-factsheet-.*-[0-9a-f]{12,16}\.html$/.test(p));

test('url-sync="off" means off in embed.js as in the widget: the embed\'s copy, not our page\'s', async (t) => {
  const h = await hostWith(t, 'data-url-sync="off"');
  const page = await ctx.page();
  await page.goto(`${h.url}?view=funding&theme=none`);
  await page.waitForFunction(() => document.querySelector('#w')?.matches('[data-ilo-ready]'), null, { timeout: TIMEOUT });
  const asked = fragmentsAsked(page);
  assert.equal(asked.length, 1, `${asked}`);
  assert.match(asked[0], /^ilo-factsheet-map-[0-9a-f]+\.html$/, 'the map embed\'s copy (the host URL is not ours)');
  assert.ok(await page.locator('#w .map-view').count() > 0, 'the live widget shows the map, as its copy did');
  assert.equal(new URL(page.url()).search, '?view=funding&theme=none', 'the host\'s URL is left alone');
});

for (const [locale, expected] of [['fr-CA', 'fr'], ['zh-TW', 'en'], ['zh-CN', 'zh'], ['ar-EG', 'ar'], ['de-DE', 'en']]) {
  test(`embed.js picks the copy in the language the wasm will speak (reader ${locale}: ${expected})`, async (t) => {
    const h = await hostWith(t, '');
    const page = await ctx.page({ locale });
    await page.goto(h.url);
    await page.waitForFunction(() => document.querySelector('#w')?.matches('[data-ilo-ready]'), null, { timeout: TIMEOUT });
    const asked = fragmentsAsked(page);
    assert.equal(asked.length, 1, `${asked}`);
    const copyLang = asked[0].match(/^ilo-factsheet-map-(?:([a-z]{2})-)?[0-9a-f]+\.html$/)?.[1] ?? 'en';
    const live = await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('.ilo-factsheet').lang);
    assert.equal(live, expected, 'the wasm chose');
    assert.equal(copyLang, live, 'embed.js chose the same');
  });
}
