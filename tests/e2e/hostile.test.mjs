// The hostile corpus (tests/fixtures/hostile/, see its generate.mjs) loaded in
// Chromium, one test per file, with no Content-Security-Policy (so nothing but
// the app itself stands between a payload and the page). Each file ends as
// expect.json says (a clear role="alert", a partial render with one, or a
// clean render) and, in every view:
// - no script ran: the payloads set window.__iloPwned or call alert(), and a
//   sentinel records either (a control test shows that it does catch them);
// - no element came from data: no <script>, <img>, <iframe>, <style>, … in
//   the widget (main#app and the shadow root embed.js renders it in), no
//   event-handler attribute anywhere (the document and every open shadow root);
// - no dangerous link: every href is the widget's own filter link or an
//   https:, http:, mailto: or tel: address;
// - no uncaught error (a Rust panic surfaces as one).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { useBrowser, openReport, ROOT } from './helpers.mjs';

const DIR = join(ROOT, 'tests/fixtures/hostile');
const EXPECT = JSON.parse(readFileSync(join(DIR, 'expect.json'), 'utf8'));

/** A corpus file as served: its name and bytes, unpacked when stored as `.gz`. */
function corpus(name) {
  const stored = readFileSync(join(DIR, name));
  return name.endsWith('.gz') ? { served: name.slice(0, -3), body: gunzipSync(stored) } : { served: name, body: stored };
}

const ctx = useBrowser();

/** A page whose sentinel records any write to window.__iloPwned and any dialog. */
async function guardedPage() {
  const page = await ctx.page();
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.addInitScript(() => {
    window.__iloPwnedLog = [];
    Object.defineProperty(window, '__iloPwned', {
      configurable: false,
      get() { return undefined; },
      set(v) { window.__iloPwnedLog.push(String(v)); },
    });
  });
  return page;
}

/**
 * What the page holds that data must never produce. The widget renders in the
 * open shadow root of `main#app` (embed.js), so every scan covers the light
 * DOM and every open shadow root below it, nested ones included.
 */
function inspect(page) {
  return page.evaluate(() => {
    // `node` and every open shadow root at or below it, recursively.
    const roots = (node) => [node, ...[node, ...node.querySelectorAll('*')]
      .filter((el) => el.shadowRoot).flatMap((el) => roots(el.shadowRoot))];
    const all = (scope, selector) => scope.flatMap((root) => [...root.querySelectorAll(selector)]);
    const app = document.querySelector('main#app');
    const widget = roots(app); // main#app, its shadow root and any below
    const everywhere = roots(document);
    // (Not the widget's own stylesheet, linked from its shadow root by the build.)
    const own = (e) => e.localName === 'link' && e.parentNode === app.shadowRoot
      && /^ilo-factsheet-[0-9a-f]{16}\.css$/.test(e.getAttribute('href'));
    const injected = all(widget, 'script, img, iframe, frame, object, embed, style, link, meta, base, audio, video, source, template')
      .filter((e) => !own(e)).map((e) => e.outerHTML.slice(0, 120));
    const handlers = [];
    for (const el of all(everywhere, '*')) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) handlers.push(`<${el.localName} ${a.name}>`);
    }
    const here = location.origin + location.pathname;
    const links = all(widget, '[href], [src], [action], [formaction], [srcdoc]').map((el) => {
      const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction') ?? el.getAttribute('srcdoc');
      let url;
      try { url = new URL(raw, location.href); } catch { return { raw, ok: false }; }
      const own = url.origin + url.pathname === here && el.hasAttribute('href');
      const scheme = ['https:', 'http:', 'mailto:', 'tel:'].includes(url.protocol) && el.hasAttribute('href');
      return { raw, ok: own || scheme };
    });
    return {
      pwned: window.__iloPwnedLog,
      injected,
      handlers,
      dangerous: links.filter((l) => !l.ok).map((l) => l.raw),
      links: links.length,
      alerts: all(everywhere, '[role="alert"]').map((a) => a.textContent).join(' | '),
      // The report's heading (a failed load's alert is the page's heading too).
      h1: all(widget, 'h1').filter((h) => !h.closest('[role="alert"]')).length > 0,
      problemsAlert: all(widget, '.problems[role="alert"], .load-failed[role="alert"]').length > 0,
    };
  });
}

function assertInert(state, page, where) {
  assert.deepEqual(state.pwned, [], `${where}: a payload ran`);
  assert.deepEqual(page.dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(state.injected, [], `${where}: elements from data`);
  assert.deepEqual(state.handlers, [], `${where}: event-handler attributes`);
  assert.deepEqual(state.dangerous, [], `${where}: dangerous links`);
  assert.deepEqual(page.errors, [], `${where}: uncaught errors`);
}

test('control: the sentinel and the checks do catch a payload that runs', async () => {
  const page = await guardedPage();
  await openReport(page, ctx.server.url);
  // Where a payload from data would land: inside the widget, in the shadow root.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.__iloPwned=\'control\'"><a href="javascript:void 0">x</a>';
    const widget = appRoot().querySelector('.ilo-factsheet');
    if (!widget || widget.getRootNode() === document) throw new Error('the widget is not in a shadow root');
    widget.append(div);
  });
  await page.waitForFunction(() => window.__iloPwnedLog.length > 0);
  const state = await inspect(page);
  assert.deepEqual(state.pwned, ['control']);
  assert.equal(state.injected.length, 1);
  assert.equal(state.handlers.length, 1);
  assert.deepEqual(state.dangerous, ['data:,', 'javascript:void 0']);
});

for (const e of EXPECT) {
  test(`${e.name} (${e.note}): ${e.outcome}, inert`, async () => {
    const { served, body } = corpus(e.name);
    ctx.server.put(`data/hostile/${served}`, body);
    const page = await guardedPage();
    const query = e.name === 'markup-in-text.json' ? '&q=onerror' : '';
    await openReport(page, ctx.server.url, `?data=data/hostile/${encodeURIComponent(served)}${query}`);
    // Whatever is shown has settled: the report or the alert is there and stays.
    await page.waitForTimeout(200);
    const first = await inspect(page);
    assertInert(first, page, e.name);

    if (e.outcome === 'refused') {
      assert.ok(first.problemsAlert, `${e.name}: an alert`);
      assert.ok(!first.h1, `${e.name}: nothing but the alert`);
    } else if (e.outcome === 'partial') {
      assert.ok(first.problemsAlert && first.h1, `${e.name}: the report with an alert`);
    } else {
      assert.ok(first.h1 && !first.problemsAlert, `${e.name}: the report, no alert (${first.alerts})`);
    }
    if (e.message) assert.ok(first.alerts.toLowerCase().includes(e.message.toLowerCase()), `${e.name}: alert says "${e.message}": ${first.alerts.slice(0, 300)}`);

    // Every view of what could be read.
    if (e.outcome !== 'refused') {
      const tabs = await page.$$eval('nav.views a.tab', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(tabs.length >= 5, `${e.name}: view tabs`);
      for (const href of tabs) {
        await page.click(`nav.views a.tab[href="${href}"]`);
        await page.waitForFunction((s) => location.search === s, new URL(href, page.url()).search);
        await page.waitForTimeout(150);
        assertInert(await inspect(page), page, `${e.name} ${href}`);
      }
    }
  });
}

test('dangerous-urls.json: refused links are plain text with the reason, good ones work', async () => {
  ctx.server.put('data/hostile/dangerous-urls.json', corpus('dangerous-urls.json').body);
  const page = await guardedPage();
  await openReport(page, ctx.server.url, '?data=data/hostile/dangerous-urls.json');
  const refused = await page.$$eval('.contacts .link-refused', (ls) => ls.map((l) => l.textContent));
  assert.equal(refused.length, 23);
  assert.ok(refused.every((t) => /^Link \d+ \(not a link: .+\)$/.test(t)), refused.join('\n'));
  assert.ok(refused[0].includes('the scheme `javascript:` is not allowed'), refused[0]);
  const hrefs = await page.$$eval('.contacts a[href]', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, ['https://www.ilo.org/beijing', 'mailto:beijing@ilo.org']);
  const rel = await page.getAttribute('.contacts a[href^="https:"]', 'rel');
  assert.match(rel, /noopener/);
  // Clicking a refused label does nothing.
  await page.click('.contacts .link-refused >> nth=0');
  await page.waitForTimeout(100);
  assert.deepEqual((await inspect(page)).pwned, []);
  assert.match(page.url(), /dangerous-urls/);
});

test('a file the server announces as larger than 4 MB is refused unread, with its size', async () => {
  ctx.server.put('data/hostile/large-5mb.json', corpus('large-5mb.json.gz').body);
  const page = await guardedPage();
  await openReport(page, ctx.server.url, '?data=data/hostile/large-5mb.json');
  const alert = await page.textContent('[role="alert"]');
  assert.match(alert, /5\.1 MB, larger than the 4\.0 MB/);
  assert.equal(await page.locator('button.retry').count(), 0, 'retrying cannot help');
});
