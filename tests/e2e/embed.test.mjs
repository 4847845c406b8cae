// Embedding, as an editor of another site does it: host pages served from a
// different origin (another loopback port) than the widget's site (dist/),
// with the snippets the README and the "Embed this view" dialog give.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHINA, ROOT, TIMEOUT, serveHost, useBrowser } from './helpers.mjs';

// Our server, as the README says it must answer embeds: CORS on everything.
const ctx = useBrowser({ serve: { headers: { 'access-control-allow-origin': '*' } } });

/** Host CSS an embed must survive, and must not change. */
const HOSTILE_CSS = `
  html { font-size: 31px; }
  body { font: 31px/3 serif; color: rgb(200, 0, 0); letter-spacing: 3px; text-transform: uppercase; text-align: right; margin: 5px; }
  * { box-sizing: content-box; margin: 5px; }
  div { display: flex; }
  svg { display: none; }
  button, input, textarea { all: unset; }
  .column { width: 320px; display: block; }
  .wide { width: 1100px; display: block; }
  p.host { padding: 7px; background: rgb(1, 2, 3); }
  h2.host { font-size: 40px; border-bottom: 4px solid rgb(9, 9, 9); }
`;

/** Serves `files` ({ name: html }) from a host origin of its own; closed after the test. */
const host = (t, files, headers = {}) => serveHost(ctx, t, files, headers);

const page = (body, { script = true, css = HOSTILE_CSS } = {}) => `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">${css ? `<style>${css}</style>` : ''}
${script ? `<script type="module" src="${ctx.server.url}embed.js"></script>` : ''}
</head><body>${body}</body></html>`;

const HOST_BODY = () => `
  <h2 class="host">Our partners</h2>
  <p class="host">Text of the host page.</p>
  <div class="wide"><div id="w-map" data-ilo-factsheet data-view="map"></div></div>
  <div class="column"><ilo-factsheet id="w-funding" view="funding"></ilo-factsheet></div>
  <p class="host" id="after">After the widgets.</p>`;

/** Waits until the live widget `selector` (the host element) shows its view (not a prerendered copy). */
function widgetReady(p, selector, inner) {
  return p.waitForFunction(
    ([s, i]) => document.querySelector(s)?.matches('[data-ilo-ready]') && document.querySelector(s).shadowRoot?.querySelector(i),
    [selector, inner],
    { timeout: TIMEOUT },
  );
}

/** Computed styles of the host page's own elements. */
function hostStyles(p) {
  return p.evaluate(() => {
    const keys = ['font-size', 'font-family', 'color', 'display', 'margin-top', 'padding-top', 'background-color',
      'letter-spacing', 'text-transform', 'border-bottom-width', 'line-height'];
    return ['h2.host', 'p.host', '#after', 'body', 'html', '.column', '.wide'].map((s) => {
      const cs = getComputedStyle(document.querySelector(s));
      return [s, Object.fromEntries(keys.map((k) => [k, cs.getPropertyValue(k)]))];
    });
  });
}

test('a host on another origin with hostile CSS shows a map and a funding widget, laid out, and keeps its own look', async (t) => {
  const before = await host(t, { 'index.html': page(HOST_BODY(), { script: false }) });
  const h = await host(t, { 'index.html': page(HOST_BODY()) });
  const plain = await ctx.page({ viewport: { width: 1280, height: 900 } });
  await plain.goto(before.url);
  const unstyled = await hostStyles(plain);

  const p = await ctx.page({ viewport: { width: 1280, height: 900 } });
  await p.goto(h.url);
  await widgetReady(p, '#w-map', 'svg.map-svg path');
  await widgetReady(p, '#w-funding', 'g.bar');
  assert.deepEqual(await hostStyles(p), unstyled, 'the widgets changed the host page\'s styles');

  const look = await p.evaluate(() => {
    const inside = (host, sel) => document.querySelector(host).shadowRoot.querySelector(sel);
    const root = inside('#w-map', '.ilo-factsheet');
    const cs = getComputedStyle(root);
    const svg = inside('#w-map', 'svg.map-svg');
    const bar = inside('#w-funding', 'g.bar');
    const body = (host) => getComputedStyle(inside(host, '.fs-body')).display;
    return {
      fontSize: cs.fontSize,
      serif: /^serif$/i.test(cs.fontFamily.trim()),
      color: cs.color,
      letterSpacing: cs.letterSpacing,
      textTransform: cs.textTransform,
      svgShown: getComputedStyle(svg).display !== 'none' && svg.getBoundingClientRect().width > 200,
      barShown: bar.getBoundingClientRect().width > 0,
      mapBody: body('#w-map'),
      fundingBody: body('#w-funding'),
      fundingWidth: document.querySelector('#w-funding').getBoundingClientRect().width,
    };
  });
  assert.equal(look.fontSize, '16px', 'the host\'s 31 px leaked into the widget');
  assert.equal(look.serif, false);
  assert.notEqual(look.color, 'rgb(200, 0, 0)');
  assert.equal(look.textTransform, 'none');
  assert.ok(look.letterSpacing === 'normal' || look.letterSpacing === '0px', look.letterSpacing);
  assert.ok(look.svgShown, 'the host\'s `svg {display:none}` hid the map');
  assert.ok(look.barShown, 'no funding bar drawn');
  // Wide widget: filters beside the content; the 320 px column: the phone layout.
  assert.equal(look.mapBody, 'grid');
  assert.ok(look.fundingWidth <= 320, `funding widget is ${look.fundingWidth} px wide`);
  assert.equal(look.fundingBody, 'block', 'the 320 px widget did not get the narrow layout');
  // Nothing spills out of the narrow widget, nor makes the page scroll sideways.
  const widths = await p.evaluate(() => {
    const root = document.querySelector('#w-funding').shadowRoot.querySelector('.ilo-factsheet');
    return { scroll: root.scrollWidth, client: root.clientWidth, page: document.documentElement.scrollWidth, window: innerWidth };
  });
  assert.ok(widths.scroll <= widths.client + 1, `the 320 px widget overflows: ${JSON.stringify(widths)}`);
  assert.ok(widths.page <= widths.window, `the host page scrolls sideways: ${JSON.stringify(widths)}`);
  await p.screenshot({ path: join(tmpdir(), 'ilo-embed-hostile.png'), fullPage: true });
});

test('two widgets fetch and start the wasm once, share the sheet\'s fetch, and every asset comes from the widget\'s site', async (t) => {
  const h = await host(t, { 'index.html': page(HOST_BODY()) });
  const p = await ctx.page();
  await p.goto(h.url);
  await widgetReady(p, '#w-map', '.ilo-factsheet h2');
  await widgetReady(p, '#w-funding', '.ilo-factsheet h2');
  // The main wasm once, and the map's and the funding's chunks (and the
  // chunks they share) once each.
  const wasm = p.requests.filter((u) => u.endsWith('.wasm'));
  assert.equal(wasm.filter((u) => /\/ilo-factsheet-web-[0-9a-f]{16}_bg\.wasm$/.test(u)).length, 1, `main wasm requested: ${wasm}`);
  assert.equal(new Set(wasm).size, wasm.length, `a wasm requested twice: ${wasm}`);
  for (const chunk of ['split_map_view_', 'split_funding_view_']) {
    assert.ok(wasm.some((u) => u.includes(`/${chunk}`)), `no ${chunk}… chunk in ${wasm}`);
  }
  const ours = new URL(ctx.server.url).origin;
  const fromHost = p.requests.filter((u) => u.startsWith(h.url) && u !== h.url);
  assert.deepEqual(fromHost, [], 'assets were looked up on the host\'s origin');
  for (const kind of ['.wasm', '.css', 'data/china.json']) {
    assert.ok(p.requests.some((u) => u.startsWith(ours) && u.includes(kind)), `${kind} not loaded from ${ours}`);
  }
  const served = ctx.server.requests.filter((r) => r.endsWith('.wasm'));
  assert.equal(new Set(served).size, served.length, String(served));
  // Both ask for the same sheet at once: one request, shared.
  assert.equal(ctx.server.requests.filter((r) => r === '/data/china.json').length, 1, 'the sheet was fetched twice');
  assert.deepEqual(p.errors, []);
});

test('a widget added later appears, a removed one is unmounted and lets go of its observers and listeners', async (t) => {
  const h = await host(t, { 'index.html': page('<div id="slot" class="wide"></div>') });
  const p = await ctx.page();
  // Count what is attached to window/document and the observers alive.
  await p.addInitScript(() => {
    const live = { listeners: 0, observers: 0 };
    window.__ilo = live;
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    const global = (t) => t === window || t === document;
    EventTarget.prototype.addEventListener = function (...a) { if (global(this)) live.listeners++; return add.apply(this, a); };
    EventTarget.prototype.removeEventListener = function (...a) { if (global(this)) live.listeners--; return remove.apply(this, a); };
    const RO = window.ResizeObserver;
    window.ResizeObserver = class extends RO {
      observe(...a) { if (!this.on) { this.on = true; live.observers++; } return super.observe(...a); }
      disconnect() { if (this.on) { this.on = false; live.observers--; } return super.disconnect(); }
    };
  });
  await p.goto(h.url);
  await p.waitForFunction(() => globalThis[Symbol.for('ilo-factsheet')]);
  const baseline = await p.evaluate(() => ({ ...window.__ilo }));

  const variants = [
    { view: 'map', ready: 'svg.map-svg path', observes: true },
    { view: 'funding', ready: 'g.bar', observes: true },
    // The full report mirroring its state in the URL listens for popstate.
    { sync: true, ready: 'h1', listens: true },
  ];
  for (const { view, sync, ready, observes, listens } of variants) {
    await p.evaluate(([v, s]) => {
      const el = document.createElement('div');
      el.id = 'late';
      el.dataset.iloFactsheet = '';
      if (v) el.dataset.view = v;
      if (s) el.dataset.urlSync = '';
      document.querySelector('#slot').append(el);
    }, [view, sync]);
    await widgetReady(p, '#late', ready);
    const mounted = await p.evaluate(() => ({ ...window.__ilo, widgets: globalThis[Symbol.for('ilo-factsheet')].widgets.size }));
    assert.equal(mounted.widgets, 1);
    if (observes) assert.ok(mounted.observers > baseline.observers, `the ${view} view observes its size`);
    if (listens) assert.ok(mounted.listeners > baseline.listeners, 'the URL mirror listens for popstate');

    const gone = await p.evaluate(async () => {
      const el = document.querySelector('#late');
      el.remove();
      await new Promise((r) => setTimeout(r, 50));
      return { ...window.__ilo, widgets: globalThis[Symbol.for('ilo-factsheet')].widgets.size, left: el.shadowRoot.childNodes.length };
    });
    assert.deepEqual(gone, { ...baseline, widgets: 0, left: 0 }, `after removing the ${view ?? 'full'} widget`);
  }

  // Removed while still loading its data: no error, nothing left behind.
  await p.evaluate(() => {
    const el = document.createElement('ilo-factsheet');
    el.setAttribute('view', 'timeline');
    document.body.append(el);
    queueMicrotask(() => setTimeout(() => el.remove(), 0));
  });
  await p.waitForTimeout(1500);
  assert.equal(await p.evaluate(() => globalThis[Symbol.for('ilo-factsheet')].widgets.size), 0);
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.consoleErrors, []);
});

test('changed attributes update the widget in place, and a widget never touches the host\'s URL', async (t) => {
  const h = await host(t, { 'index.html': page('<div class="wide"><div id="w" data-ilo-factsheet data-view="projects"></div></div>') });
  const p = await ctx.page();
  await p.goto(`${h.url}?page=1#top`);
  await widgetReady(p, '#w', 'article.project-card');
  const cards = () => p.evaluate(() => document.querySelector('#w').shadowRoot.querySelectorAll('article.project-card').length);
  const all = await cards();
  const before = await p.evaluate(() => [location.href, history.length]);

  // Filtering inside the widget.
  const theme = CHINA.themes[0];
  await p.locator('#w').getByRole('checkbox', { name: new RegExp(theme.name) }).first().check();
  await p.waitForFunction((n) => document.querySelector('#w').shadowRoot.querySelectorAll('article.project-card').length < n, all);
  assert.deepEqual(await p.evaluate(() => [location.href, history.length]), before, 'the widget changed the host URL');

  // The host's script changes the attributes: same data, new view and filter.
  const dataRequests = () => ctx.server.requests.filter((r) => r.endsWith('/data/china.json')).length;
  const fetched = dataRequests();
  await p.evaluate(() => {
    const w = document.querySelector('#w');
    w.dataset.view = 'timeline';
  });
  await widgetReady(p, '#w', '.timeline');
  assert.equal(dataRequests(), fetched, 'a view change loaded the data again');
  assert.deepEqual(await p.evaluate(() => [location.href, history.length]), before);
});

test('the iframe embed grows and shrinks with its content, and scrolls without the host script', async (t) => {
  const src = `${ctx.server.url}embed.html?view=projects&id=frame-1`;
  const frameTag = `<iframe id="f" src="${src}" title="ILO projects" width="100%" height="600" style="border:0"></iframe>`;
  const h = await host(t, {
    'index.html': page(`<div class="wide">${frameTag}</div>`),
    'plain.html': page(`<div class="wide">${frameTag}</div>`, { script: false }),
  });
  const p = await ctx.page();
  const messages = [];
  await p.exposeFunction('__record', (m) => messages.push(m));
  await p.addInitScript(() => addEventListener('message', (e) => window.__record(e.data)));
  await p.goto(h.url);
  const frame = p.frameLocator('#f');
  await frame.locator('article.project-card').first().waitFor();
  const height = () => p.evaluate(() => document.querySelector('#f').getBoundingClientRect().height);
  await p.waitForFunction(() => document.querySelector('#f').style.height !== '');
  const tall = await height();
  assert.ok(tall > 600, `the frame did not grow to its content (${tall} px)`);

  await frame.getByRole('searchbox').or(frame.locator('input[type="search"]')).first().fill('zzzz-nothing-matches');
  await p.waitForFunction((h0) => document.querySelector('#f').getBoundingClientRect().height < h0 - 200, tall);
  const short = await height();
  await frame.getByRole('searchbox').or(frame.locator('input[type="search"]')).first().fill('');
  await p.waitForFunction((h0) => document.querySelector('#f').getBoundingClientRect().height > h0 + 200, short);
  assert.ok(messages.some((m) => m?.type === 'ilo-factsheet:height' && m.id === 'frame-1' && m.height === Math.round(short)),
    'no height message with the frame\'s id');

  // Without our script on the host, the frame keeps its height and scrolls.
  const plain = await ctx.page();
  await plain.goto(`${h.url}plain.html`);
  await plain.frameLocator('#f').locator('article.project-card').first().waitFor();
  assert.equal(await plain.evaluate(() => document.querySelector('#f').getBoundingClientRect().height), 600);
  const scrolls = await plain.frames()[1].evaluate(() => document.scrollingElement.scrollHeight > innerHeight);
  assert.ok(scrolls);
});

test('a message from another origin cannot resize our frames', async (t) => {
  // A frame of the host's own origin posts a height message: without the
  // origin check, embed.js would resize it (it is a frame of the page).
  const h = await host(t, {
    'index.html': page(`<iframe id="f" src="${ctx.server.url}embed.html?view=timeline" height="300"></iframe>
      <iframe id="forger" src="forger.html" height="100"></iframe>`),
    'forger.html': '<!doctype html><title>x</title><link rel="icon" href="data:,"><script type="module" src="forger.js"></script>',
    'forger.js': "parent.postMessage({ type: 'ilo-factsheet:height', id: '', height: 5 }, '*');",
  });
  const p = await ctx.page();
  await p.goto(h.url);
  await p.frameLocator('#f').locator('.timeline').first().waitFor();
  await p.waitForFunction(() => document.querySelector('#f').style.height !== '');
  await p.frameLocator('#forger').locator('title').waitFor({ state: 'attached' });
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => document.querySelector('#forger').style.height), '', 'the forged height was applied');
  assert.notEqual(await p.evaluate(() => document.querySelector('#f').style.height), '5px');
});

test('"Embed this view" gives snippets for the current view and filters that work on another origin', async (t) => {
  const p = await ctx.page({ viewport: { width: 1200, height: 900 } });
  await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ctx.server.url).origin });
  const country = 'KHM';
  await p.goto(`${ctx.server.url}?view=map&country=${country}`);
  // The live widget's button (the prerendered copy's does nothing).
  await p.waitForSelector('main#app[data-ilo-ready]');
  const open = p.getByRole('button', { name: 'Embed this view' });
  await open.focus();
  await p.keyboard.press('Enter');
  const dialog = p.getByRole('dialog', { name: 'Embed this view' });
  await dialog.waitFor();
  const script = await dialog.getByLabel(/With a script/).inputValue();
  const iframe = await dialog.getByLabel(/As an iframe/).inputValue();
  assert.match(script, new RegExp(`<script type="module" src="${ctx.server.url}embed.js"></script>`));
  assert.match(script, new RegExp(`data-view="map" data-country="${country}"`));
  assert.match(iframe, new RegExp(`src="${ctx.server.url}embed.html\\?view=map&amp;country=${country}"`));

  // Copy, by keyboard.
  await p.keyboard.press('Tab'); // past the focused text area to its Copy button
  await dialog.getByRole('button', { name: 'Copy' }).first().focus();
  await p.keyboard.press('Enter');
  await dialog.getByText('Copied').first().waitFor();
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), script);
  await p.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await p.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent), 'Embed this view');

  // The snippet, pasted into a page on another origin, shows the same view.
  const h = await host(t, { 'index.html': page(`<div class="wide">${script}</div>`, { script: false }) });
  const other = await ctx.page();
  await other.goto(h.url);
  await widgetReady(other, '[data-ilo-factsheet]', 'svg.map-svg path');
  const shown = await other.evaluate(() => {
    const root = document.querySelector('[data-ilo-factsheet]').shadowRoot;
    return { title: root.querySelector('h2')?.textContent, tabs: root.querySelectorAll('nav.views').length };
  });
  assert.match(shown.title, /Map/);
  assert.equal(shown.tabs, 0, 'an embedded view has no tabs');
  assert.deepEqual(other.errors, []);
});

test('a host whose Content-Security-Policy allows our origin for scripts and connections (as the README says) runs the widget, styled', async (t) => {
  const ours = new URL(ctx.server.url).origin;
  // No style-src: default-src 'none' forbids every stylesheet but the one
  // embed.js builds (a constructed sheet is not a load the policy governs).
  const csp = `default-src 'none'; script-src ${ours} 'wasm-unsafe-eval'; connect-src ${ours}; img-src data:; frame-src ${ours}`;
  const frame = `<iframe id="f" src="${ctx.server.url}embed.html?view=timeline" title="Timeline"></iframe>`;
  const h = await host(t, { 'index.html': page(HOST_BODY() + frame, { css: '' }) }, { 'content-security-policy': csp });
  const p = await ctx.page();
  await p.goto(h.url);
  await widgetReady(p, '#w-map', 'svg.map-svg path');
  const bar = await widgetReady(p, '#w-funding', 'g.bar');
  await p.frameLocator('#f').locator('.timeline').first().waitFor();
  // Chromium does not lay out a cross-origin frame far out of view: it
  // reports its height once scrolled near.
  await p.evaluate(() => document.querySelector('#f').scrollIntoView());
  await p.waitForFunction(() => document.querySelector('#f').style.height !== '');
  const styled = await bar.evaluate((b) => {
    const root = b.getRootNode().querySelector('.ilo-factsheet');
    return { container: getComputedStyle(root).containerType, background: getComputedStyle(root).backgroundColor };
  });
  assert.deepEqual(styled, { container: 'inline-size', background: 'rgb(255, 255, 255)' }, 'the widget has its stylesheet');
  assert.deepEqual(p.consoleErrors.filter((e) => /Content Security Policy|Refused/i.test(e)), []);
});

test('colour schemes (data-theme light, dark, auto) and the host\'s custom properties', async (t) => {
  const body = `
    <div class="wide"><div id="light" data-ilo-factsheet data-view="timeline"></div></div>
    <div class="wide"><div id="dark" data-ilo-factsheet data-view="timeline" data-theme="dark"></div></div>
    <div class="wide"><div id="auto" data-ilo-factsheet data-view="timeline" data-theme="auto"></div></div>`;
  const theming = '#themed { --ilo-accent: rgb(0, 128, 0); --ilo-font: Georgia, serif; }';
  const themed = '<div class="wide"><div id="themed" data-ilo-factsheet data-view="timeline"></div></div>';
  const h = await host(t, { 'index.html': page(body + themed, { css: theming }) });
  const p = await ctx.page({ colorScheme: 'dark' });
  await p.goto(h.url);
  for (const id of ['#light', '#dark', '#auto']) await widgetReady(p, id, '.timeline');
  const bg = await p.evaluate(() => Object.fromEntries(['light', 'dark', 'auto'].map((id) => [id,
    getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.ilo-factsheet')).backgroundColor])));
  assert.equal(bg.light, 'rgb(255, 255, 255)');
  assert.equal(bg.dark, 'rgb(18, 21, 28)');
  assert.equal(bg.auto, bg.dark, 'auto did not follow the dark system setting');
  // The host's custom properties restyle the widget.
  await widgetReady(p, '#themed', '.timeline');
  const look = await p.evaluate(() => {
    const root = document.getElementById('themed').shadowRoot;
    return { link: getComputedStyle(root.querySelector('a.full-sheet')).color, font: getComputedStyle(root.querySelector('.ilo-factsheet')).fontFamily };
  });
  assert.deepEqual(look, { link: 'rgb(0, 128, 0)', font: 'Georgia, serif' });
  // The iframe embed takes its scheme from its URL.
  await p.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.append(f);
  }, `${ctx.server.url}embed.html?view=timeline&theme=dark`);
  const frame = p.frameLocator('iframe');
  await frame.locator('.timeline').first().waitFor();
  const frameBg = await frame.locator('.ilo-factsheet').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(frameBg, 'rgb(18, 21, 28)');
  // `theme` with a colour-scheme value is not a theme filter: nothing is filtered.
  const summary = await p.evaluate(() => document.getElementById('dark').shadowRoot.querySelector('.summary').textContent);
  assert.equal(summary, '');
});

test('the README\'s two snippets, pasted into a page on another origin, work as it says', async (t) => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Embed on your site')[1]?.split('\n## ')[0] ?? '';
  const blocks = [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 2, 'the README shows a script snippet and an iframe snippet');
  const ours = (html) => html.replaceAll('https://example.org/partnerships/china/', ctx.server.url);
  const [script, iframe] = blocks.map(ours);
  assert.match(script, /embed\.js/);
  assert.match(iframe, /embed\.html/);
  const h = await host(t, { 'index.html': page(`<div class="wide">${script}</div><div class="wide">${iframe}</div>`, { css: '' }) });
  const p = await ctx.page();
  await p.goto(h.url);
  await widgetReady(p, '[data-ilo-factsheet]', 'svg.map-svg path');
  // The frame loads lazily, and is laid out, once scrolled near.
  await p.evaluate(() => document.querySelector('iframe').scrollIntoView());
  await p.frameLocator('iframe').locator('svg.map-svg path').first().waitFor();
  await p.waitForFunction(() => document.querySelector('iframe').style.height !== '');
  assert.deepEqual(p.errors, []);
});

test('when the wasm cannot be had, every widget says so in an alert instead of staying blank', async (t) => {
  // The main wasm (the chunks are fetched by it: without it, none is).
  const file = readdirSync(ctx.server.dir).find((f) => /^ilo-factsheet-web-[0-9a-f]{16}_bg\.wasm$/.test(f));
  ctx.server.remove(file);
  const h = await host(t, { 'index.html': page(HOST_BODY(), { css: '' }) });
  const p = await ctx.page();
  await p.goto(h.url);
  for (const id of ['#w-map', '#w-funding']) {
    const alert = await p.waitForFunction((i) => document.querySelector(i).shadowRoot?.querySelector('[role="alert"]'), id);
    assert.match(await alert.evaluate((a) => a.textContent), /could not start/);
  }
  assert.ok(ctx.server.requests.some((r) => r === `/${file}`), 'the wasm was asked for');
});

test('data-src may name a sheet on another origin (with CORS); an iframe\'s src may not', async (t) => {
  const sheet = JSON.stringify({ ...CHINA, meta: { ...CHINA.meta, title: 'Second sheet' } });
  const third = await host(t, { 'other.json': sheet }, { 'access-control-allow-origin': '*' });
  const h = await host(t, {
    'index.html': page(`
      <div class="wide"><div id="far" data-ilo-factsheet data-view="projects" data-src="${third.url}other.json"></div></div>
      <div class="wide"><div id="near" data-ilo-factsheet data-view="timeline" data-src="local.json"></div></div>
      <iframe id="f" src="${ctx.server.url}embed.html?view=timeline&src=${encodeURIComponent(`${third.url}other.json`)}"></iframe>`, { css: '' }),
    'local.json': JSON.stringify({ ...CHINA, meta: { ...CHINA.meta, title: 'Host sheet' } }),
  });
  const p = await ctx.page();
  await p.goto(h.url);
  const title = async (id) => (await widgetReady(p, id, '.embed-header h2')).evaluate((e) => e.textContent);
  assert.match(await title('#far'), /^Second sheet/);
  // Relative to the host page, as any address in its HTML.
  assert.match(await title('#near'), /^Host sheet/);
  const refusal = await p.frameLocator('#f').locator('[role="alert"]').textContent();
  assert.match(refusal, /not on this site/);
  assert.equal(third.requests.filter((r) => r === '/other.json').length, 1, 'only the script embed fetched it');
});
