// Small phones (320–390 px wide, and 640×360 on its side): the filters open
// as a bottom sheet (a modal dialog: heading, live count, Done; Escape, Done
// and the backdrop close it, the focus goes in and comes back, Tab stays in
// it); a compact bar of tabs, language and the filters' button stays at the
// top while the page scrolls, on our page and in an embed; a single view
// starts on the first screen; the map opens on the places reached, its
// labels apart. Wide screens keep the panel beside the report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, TIMEOUT, serveDir, useBrowser } from './helpers.mjs';

// Our server, as the README says it must answer embeds: CORS on everything.
const ctx = useBrowser({ serve: { headers: { 'access-control-allow-origin': '*' } } });

const AXE = readFileSync(join(import.meta.dirname, 'node_modules/axe-core/axe.min.js'), 'utf8');
const EN = JSON.parse(readFileSync(join(ROOT, 'i18n/en.json'), 'utf8'));
const AR = JSON.parse(readFileSync(join(ROOT, 'i18n/ar.json'), 'utf8'));

const phone = (width = 320, height = 568) => ({ viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

/** The widget's shadow root on our page, inside page functions. */
const inApp = (page, fn, arg) => page.evaluate(fn, arg);

/** What the page's focus is on, inside our widget: a selector-ish description. */
const focused = (page) => inApp(page, () => {
  const el = appRoot().activeElement;
  if (!el) return null;
  return { cls: el.className, tag: el.tagName, inSheet: !!el.closest('#filters') };
});

/** The sheet's box and the styles that make it one. */
const sheetBox = (page) => inApp(page, () => {
  const el = appRoot().querySelector('#filters');
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  return {
    top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,
    position: cs.position, overscroll: cs.overscrollBehaviorY, overflow: cs.overflowY,
    radius: parseFloat(cs.borderTopLeftRadius), shadow: cs.boxShadow,
    role: el.getAttribute('role'), modal: el.getAttribute('aria-modal'),
    name: appRoot().getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent,
    visible: el.checkVisibility(),
  };
});

async function openSheet(page) {
  await page.tap('main#app button.filters-toggle');
  await page.waitForSelector('#filters[role="dialog"]', { state: 'visible' });
  // The focus moves in once the sheet is drawn (the next frame).
  await page.waitForFunction(() => appRoot().activeElement?.closest('#filters'), null, { timeout: TIMEOUT });
}

/** axe's violations on the page as it stands, one line each. */
async function violations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Serves a host page on an origin of its own, with `body` and our embed.js; closed after the test. */
async function host(t, body) {
  const dir = mkdtempSync(join(tmpdir(), 'ilo-host-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,">
    <style>body { margin: 0; font: 18px/1.4 Georgia, serif; }</style>
    <script type="module" src="${ctx.server.url}embed.js"></script></head><body>${body}</body></html>`);
  const served = await serveDir(dir);
  t.after(async () => { await served.close(); rmSync(dir, { recursive: true, force: true }); });
  ctx.hosts.push(served);
  return served;
}

/** Boxes of the map's figure labels in screen pixels, and the map's. */
const mapLabels = (page) => page.$eval('.map-svg', (svg) => {
  const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  return { map: box(svg.getBoundingClientRect()), labels: [...svg.querySelectorAll('.figure-label')].map((t) => ({ text: t.textContent, ...box(t.getBoundingClientRect()) })) };
});

function assertApart({ map, labels }, what) {
  assert.ok(labels.length >= 3, `${what}: ${labels.length} labels`);
  for (const [i, a] of labels.entries()) {
    assert.ok(a.left >= map.left - 1 && a.right <= map.right + 1 && a.top >= map.top - 1 && a.bottom <= map.bottom + 1,
      `${what}: "${a.text}" runs past the map`);
    for (const b of labels.slice(i + 1)) {
      const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
      assert.ok(apart, `${what}: "${a.text}" over "${b.text}"`);
    }
  }
}

/** The map's viewBox, and whether each reached country's middle lies in it. */
const frameAndReached = (page) => page.$eval('.map-svg', (svg) => {
  const [x, y, w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
  const reached = [...svg.querySelectorAll('.country[class*="level-"]:not(.level-0):not(.origin), .country.unnamed')];
  const outside = reached.filter((g) => {
    const b = g.querySelector('path').getBBox();
    const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];
    return cx < x || cx > x + w || cy < y || cy > y + h;
  }).map((g) => g.dataset.place);
  return { viewBox: [x, y, w, h], reached: reached.length, outside };
});

test('on a phone the filters open as a bottom sheet: a modal dialog with its heading, the live count and Done', async () => {
  const page = await ctx.open('', phone());
  assert.equal(await page.isVisible('#filters'), false, 'folded at first');
  await openSheet(page);
  const box = await sheetBox(page);
  assert.equal(box.role, 'dialog');
  assert.equal(box.modal, 'true');
  assert.equal(box.name, EN.Filters, 'named by its heading');
  assert.equal(box.position, 'fixed');
  assert.ok(Math.abs(box.bottom - 568) <= 1 && box.left <= 0.5 && box.right >= 319.5, `at the bottom, full width: ${JSON.stringify(box)}`);
  assert.ok(box.height <= 568 * 0.85 + 1 && box.top > 0, `at most 85% of the screen: ${box.height}`);
  assert.equal(box.overscroll, 'contain');
  assert.equal(box.overflow, 'auto');
  assert.ok(box.radius > 0 && box.shadow !== 'none', 'rounded top corners and a shadow');
  assert.equal(await page.getAttribute('main#app button.filters-toggle', 'aria-expanded'), 'true');
  // The backdrop dims the whole screen behind it.
  const backdrop = await inApp(page, () => {
    const el = appRoot().querySelector('.sheet-backdrop');
    const r = el.getBoundingClientRect();
    return { visible: el.checkVisibility(), w: r.width, h: r.height, bg: getComputedStyle(el).backgroundColor };
  });
  assert.ok(backdrop.visible && backdrop.w >= 320 && backdrop.h >= 568, JSON.stringify(backdrop));
  assert.notEqual(backdrop.bg, 'rgba(0, 0, 0, 0)');
  // The focus is in the sheet, on Done; the header row shows the count and follows the filters at once.
  assert.deepEqual(await focused(page), { cls: 'sheet-done', tag: 'BUTTON', inSheet: true });
  const count = () => page.textContent('#filters .sheet-count');
  const before = await count();
  assert.match(before, /^\d+ matching items?$/);
  await page.tap('#filters label:has(input[name="theme"][value="skills"])');
  await page.waitForURL(/theme=skills/);
  await page.waitForFunction((b) => appRoot().querySelector('#filters .sheet-count').textContent !== b, before, { timeout: TIMEOUT });
  assert.equal(await count(), (await page.textContent('main#app .summary')).trim(), 'the same count as the report says');
  assert.match(await page.textContent('main#app button.filters-toggle'), /\(1\)/);
  assert.equal(await page.getAttribute('main#app .summary', 'aria-live'), 'off', 'the sheet speaks, not the summary behind it');
  // The header row stays in view while the sheet scrolls.
  await inApp(page, () => { appRoot().querySelector('#filters').scrollTop = 10_000; });
  const head = await inApp(page, () => appRoot().querySelector('#filters .sheet-head').getBoundingClientRect().top);
  assert.ok(Math.abs(head - (await sheetBox(page)).top) <= 1, `the header row stays at the top of the sheet: ${head}`);
  assert.deepEqual(await violations(page), [], 'axe, with the sheet open');
});

test('Escape and Done close the sheet and give the focus back to its button; Tab stays in it meanwhile', async () => {
  const page = await ctx.open('', phone(390, 844));
  await page.focus('main#app button.filters-toggle');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#filters[role="dialog"]', { state: 'visible' });
  await page.waitForFunction(() => appRoot().activeElement?.closest('#filters'), null, { timeout: TIMEOUT });
  const stops = await page.$$eval('#filters button:not([disabled]), #filters input, #filters select', (els) => els.filter((e) => e.getClientRects().length).length);
  assert.ok(stops > 5, `${stops} controls`);
  // Around the sheet and round again, both ways: never out of it.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < stops + 3; i += 1) {
      await page.keyboard.press(key);
      assert.equal((await focused(page))?.inSheet, true, `${key} ×${i + 1} left the sheet`);
    }
  }
  await page.keyboard.press('Escape');
  await page.waitForSelector('#filters', { state: 'hidden' });
  assert.equal((await focused(page))?.cls, 'filters-toggle', 'Escape: the focus is back on the button');
  assert.equal(await page.getAttribute('main#app button.filters-toggle', 'aria-expanded'), 'false');
  assert.equal(await page.getAttribute('#filters', 'role'), 'complementary', 'no dialog once closed');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#filters[role="dialog"]', { state: 'visible' });
  await page.tap('#filters .sheet-done');
  await page.waitForSelector('#filters', { state: 'hidden' });
  assert.equal((await focused(page))?.cls, 'filters-toggle', 'Done: the focus is back on the button');
});

test('a tap on the dimmed backdrop closes the sheet', async () => {
  const page = await ctx.open('?view=projects', phone());
  await openSheet(page);
  // Above the sheet (it never covers the top 15%).
  await page.tap('main#app .sheet-backdrop', { position: { x: 160, y: 30 } });
  await page.waitForSelector('#filters', { state: 'hidden' });
  assert.equal(await page.isVisible('main#app .sheet-backdrop'), false);
  assert.equal((await focused(page))?.cls, 'filters-toggle');
});

test('on a wide screen nothing changes: the panel beside the report, no sheet, no dialog', async () => {
  const page = await ctx.open('', { viewport: { width: 1200, height: 900 } });
  assert.equal(await page.isVisible('#filters'), true);
  assert.equal(await page.isVisible('main#app button.filters-toggle'), false);
  assert.equal(await page.isVisible('#filters .sheet-head'), false);
  assert.equal(await page.isVisible('main#app .sheet-backdrop'), false);
  assert.equal(await page.getAttribute('#filters', 'role'), 'complementary');
  const layout = await inApp(page, () => {
    const f = appRoot().querySelector('#filters').getBoundingClientRect();
    const c = appRoot().querySelector('.fs-content').getBoundingClientRect();
    const bar = appRoot().querySelector('.view-bar');
    return { beside: f.right <= c.left, top: Math.abs(f.top - c.top), position: getComputedStyle(appRoot().querySelector('#filters')).position, bar: getComputedStyle(bar).position };
  });
  assert.deepEqual(layout, { beside: true, top: 0, position: 'sticky', bar: 'static' });
  // A filter applies at once, as ever.
  await page.click('#filters label:has(input[name="theme"][value="skills"])');
  await page.waitForURL(/theme=skills/);
});

/** The bar of our page's widget, or of the widget `host` (a selector) on a host page: where it is, what is at its middle. */
const barAt = (page, hostSel = null) => page.evaluate((sel) => {
  const root = sel ? document.querySelector(sel).shadowRoot : appRoot();
  const bar = root.querySelector('.view-bar');
  const r = bar.getBoundingClientRect();
  const toggle = root.querySelector('.filters-toggle').getBoundingClientRect();
  const hit = root.elementFromPoint(toggle.left + toggle.width / 2, toggle.top + toggle.height / 2);
  return { top: r.top, height: r.height, bg: getComputedStyle(bar).backgroundColor, toggleOnTop: !!hit?.closest('.filters-toggle'), position: getComputedStyle(bar).position };
}, hostSel);

test('the bar of tabs and the filters\' button stays at the top while the page scrolls: compact, opaque, above the report', async () => {
  for (const [lang, size] of [['en', [320, 568]], ['ar', [320, 568]], ['en', [640, 360]]]) {
    const page = await ctx.open(`?lang=${lang}`, phone(...size));
    const at = await barAt(page);
    assert.equal(at.position, 'sticky');
    assert.ok(at.height <= 56, `${lang} ${size}: one compact row, ${at.height} px`);
    // The language is on the tabs' row, a narrow select.
    const row = await inApp(page, () => {
      const r = (s) => appRoot().querySelector(s).getBoundingClientRect();
      return { tabs: r('.view-bar .views').top, language: r('.view-bar .language').top, width: r('.view-bar .language select').width };
    });
    assert.ok(Math.abs(row.tabs - row.language) <= 1 && row.width <= 48, `${lang}: ${JSON.stringify(row)}`);
    await page.evaluate(() => scrollTo(0, 2500));
    await page.waitForFunction(() => scrollY >= 2500);
    const stuck = await barAt(page);
    assert.ok(Math.abs(stuck.top) <= 1, `${lang} ${size}: the bar at ${stuck.top} after scrolling`);
    assert.ok(stuck.toggleOnTop, 'nothing of the report covers the button');
    assert.match(stuck.bg, /^rgb\(/, `opaque: ${stuck.bg}`);
    // Still works from there: the sheet opens over it.
    await openSheet(page);
    await page.keyboard.press('Escape');
    await page.close();
  }
});

test('inside an embed (a shadow root of a host page) the bar sticks too, and a single view keeps its filters\' button at the top', async (t) => {
  const tall = '<p style="height: 1500px">After the widget.</p>';
  const h = await host(t, `<h1 style="margin: 0; padding: 8px">Host</h1><div id="full" data-ilo-factsheet></div>${tall}
    <div id="single" data-ilo-factsheet data-view="projects"></div>${tall}`);
  const page = await ctx.page(phone());
  await page.goto(h.url);
  await page.waitForSelector('#full[data-ilo-ready] >> .project-card', { timeout: TIMEOUT });
  await page.waitForSelector('#single[data-ilo-ready] >> .project-card', { timeout: TIMEOUT });
  for (const sel of ['#full', '#single']) {
    // Into the middle of the widget.
    await page.evaluate((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      scrollTo(0, scrollY + r.top + r.height / 2);
    }, sel);
    const at = await barAt(page, sel);
    assert.ok(Math.abs(at.top) <= 1, `${sel}: the bar at ${at.top}`);
    assert.ok(at.toggleOnTop, `${sel}: the button on top`);
    assert.ok(at.height <= 56, `${sel}: ${at.height} px`);
    // The sheet opens from there, over the host page too.
    await page.tap(`${sel} >> .filters-toggle`);
    const sheet = await page.waitForSelector(`${sel} >> #filters[role="dialog"]`, { state: 'visible' });
    const box = await sheet.boundingBox();
    assert.ok(Math.abs(box.y + box.height - 568) <= 1, `${sel}: the sheet at the bottom of the screen`);
    await page.waitForFunction((s) => document.querySelector(s).shadowRoot.activeElement?.closest('#filters'), sel, { timeout: TIMEOUT });
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${sel} >> #filters`, { state: 'hidden' });
  }
});

test('at 320×568 a single view starts on the first screen: the map\'s SVG, the first funding chart, an embedded map', async (t) => {
  const map = await ctx.open('?view=map', phone());
  await map.waitForSelector('main#app .map-svg .country path');
  const svgTop = await inApp(map, () => appRoot().querySelector('.map-svg').getBoundingClientRect().top);
  assert.ok(svgTop < 568 - 100, `the map at ${svgTop} px`);
  const funding = await ctx.open('?view=funding', phone());
  await funding.waitForSelector('main#app .funding-chart h3');
  const chart = await inApp(funding, () => appRoot().querySelector('.funding-chart h3').getBoundingClientRect().bottom);
  assert.ok(chart < 568, `the first chart's heading ends at ${chart} px`);
  // Its totals fold behind their heading there, a button that unfolds them.
  const toggle = funding.locator('main#app .funding-totals .totals-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await funding.isVisible('main#app .funding-totals ul'), false);
  await toggle.tap();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await funding.isVisible('main#app .funding-totals ul'), true);
  const h = await host(t, '<div id="w" data-ilo-factsheet data-view="map"></div><p style="height: 1500px">After.</p>');
  const embed = await ctx.page(phone());
  await embed.goto(h.url);
  await embed.waitForSelector('#w[data-ilo-ready] >> .map-svg .country path', { timeout: TIMEOUT });
  const embedTop = await embed.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('.map-svg').getBoundingClientRect().top);
  assert.ok(embedTop < 568 - 100, `the embedded map at ${embedTop} px`);
});

test('the map\'s first frame on a 320 px phone: the places reached, narrower than the world, labels apart', async () => {
  const page = await ctx.open('?view=map', phone());
  await page.waitForSelector('main#app .map-svg .figure-label');
  const { viewBox, reached, outside } = await frameAndReached(page);
  assert.ok(viewBox[2] < 1000 * 0.5, `a frame ${viewBox[2]} units wide, the world's 1000`);
  assert.ok(reached >= 5, `${reached} places reached`);
  assert.deepEqual(outside, [], 'every place reached is in the frame');
  assertApart(await mapLabels(page), '320 px');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 320, 'nothing wider than the screen');
  assert.equal(await page.getAttribute('main#app .map-frames .frame-reached', 'aria-pressed'), 'true');
  // The world is a tap away, and the places reached again.
  await page.tap('main#app .map-frames button:has-text("World")');
  assert.equal((await frameAndReached(page)).viewBox[2], 1000);
  await page.tap('main#app .map-frames .frame-reached');
  assert.deepEqual((await frameAndReached(page)).viewBox, viewBox);
  // The same in Arabic, right to left.
  const ar = await ctx.open('?view=map&lang=ar', phone());
  await ar.waitForSelector('main#app .map-svg .figure-label');
  assert.ok((await frameAndReached(ar)).viewBox[2] < 500);
  assertApart(await mapLabels(ar), 'Arabic, 320 px');
  assert.equal((await ar.textContent('main#app .map-frames .frame-reached')).trim(), AR['map.FrameReached']);
});

test('landscape, 640×360: one bar row, the map of the places reached fits under it, labels apart, nothing wider than the screen', async () => {
  const page = await ctx.open('?view=map', phone(640, 360));
  await page.waitForSelector('main#app .map-svg .figure-label');
  const bar = await barAt(page);
  assert.ok(bar.height <= 56, `bar ${bar.height} px`);
  const { viewBox, outside } = await frameAndReached(page);
  assert.ok(viewBox[2] < 1000 * 0.7, `a frame ${viewBox[2]} units wide`);
  assert.deepEqual(outside, []);
  const svg = await inApp(page, () => appRoot().querySelector('.map-svg').getBoundingClientRect().height);
  assert.ok(svg <= 360 - bar.height, `the map (${svg} px) fits under the bar`);
  assertApart(await mapLabels(page), '640×360');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 640);
  // The sheet works on its side too: at most 85% of the height, its own scrolling.
  await openSheet(page);
  const box = await sheetBox(page);
  assert.ok(box.height <= 360 * 0.85 + 1 && Math.abs(box.bottom - 360) <= 1, JSON.stringify(box));
});

test('in Arabic the bar and the sheet lay out right to left, and axe finds nothing with the sheet open', async () => {
  const page = await ctx.open('?lang=ar&view=map', phone());
  await page.waitForSelector('main#app .map-svg .country path');
  const bar = await inApp(page, () => {
    const r = (s) => appRoot().querySelector(s).getBoundingClientRect();
    return { tabs: r('.view-bar .views').left, toggle: r('.view-bar .filters-toggle').left };
  });
  assert.ok(bar.toggle < bar.tabs, `the button at the inline end (left): ${JSON.stringify(bar)}`);
  await openSheet(page);
  const head = await inApp(page, () => {
    const r = (s) => appRoot().querySelector(s).getBoundingClientRect();
    return { title: r('#filters .sheet-title').left, done: r('#filters .sheet-done').left };
  });
  assert.ok(head.done < head.title, `Done at the inline end: ${JSON.stringify(head)}`);
  assert.equal((await page.textContent('#filters .sheet-done')).trim(), AR.FiltersDone);
  assert.deepEqual(await violations(page), []);
});
