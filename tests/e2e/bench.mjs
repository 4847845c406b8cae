// `make bench` (scripts/bench.sh prints the sizes first): load timings of
// dist/ in headless Chromium.
// Each run uses a new browser context (empty cache) on a fresh copy of dist/
// served from 127.0.0.1. Times are measured inside the page from navigation
// start (performance.now()), by a MutationObserver installed before any page
// script: numbers to read, not to pass or fail. RUNS=5 by default.

import { readFileSync } from 'node:fs';
import { launch, newPage, serveDist } from './helpers.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;

// Records when the wasm was instantiated, when the first section appeared,
// and when the map had drawn its countries. The widget renders in a shadow
// root (embed.js), so every shadow root attached is observed too.
const probe = () => {
  window.__bench = {};
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then((r) => {
      window.__bench.started ??= performance.now();
      return r;
    });
  }
  const roots = [document];
  const check = () => {
    const b = window.__bench;
    // (Our page's shadow root is declarative, in the HTML: no attachShadow call.)
    const all = [...roots, document.querySelector('#app')?.shadowRoot].filter(Boolean);
    const any = (sel, n = 1) => all.some((r) => r.querySelectorAll(sel).length >= n);
    if (b.firstSection === undefined && any('section.fs-section')) b.firstSection = performance.now();
    if (b.live === undefined && document.querySelector('#app[data-ilo-ready]')) b.live = performance.now();
    if (b.map === undefined && any('.map-svg .country', 150)) b.map = performance.now();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ilo-ready'] });
  const poll = () => { check(); requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    observer.observe(root, { childList: true, subtree: true });
    return root;
  };
};

const server = await serveDist();
const browser = await launch();
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    await page.addInitScript(probe);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__bench?.live !== undefined, null, { timeout: 60_000 });
    const t = await page.evaluate(() => ({
      ...window.__bench,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    }));
    runs.push(t);
    console.log(`run ${i + 1}: first section ${ms(t.firstSection)} (DOMContentLoaded ${ms(t.domContentLoaded)}, wasm started ${ms(t.started ?? NaN)}, live widget ${ms(t.live)})`);
    await page.context().close();
  }
} catch (e) {
  await browser.close();
  await server.close();
  throw e;
}
// The map: opened directly (?view=map), and from the report by its tab (the
// geometry is fetched then, so this is what a visitor waits for).
const direct = [];
const byTab = [];
try {
  for (let i = 0; i < RUNS; i++) {
    let page = await newPage(browser);
    await page.addInitScript(probe);
    await page.goto(`${server.url}?view=map`);
    await page.waitForFunction(() => window.__bench?.map !== undefined, null, { timeout: 60_000 });
    direct.push(await page.evaluate(() => window.__bench.map));
    await page.context().close();

    page = await newPage(browser);
    await page.addInitScript(probe);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__bench?.live !== undefined, null, { timeout: 60_000 });
    const clicked = await page.evaluate(() => {
      appRoot().querySelector('nav.views a[href*="view=map"]').click();
      return performance.now();
    });
    await page.waitForFunction(() => window.__bench?.map !== undefined, null, { timeout: 60_000 });
    byTab.push((await page.evaluate(() => window.__bench.map)) - clicked);
    console.log(`map run ${i + 1}: ?view=map drawn at ${ms(direct.at(-1))}; tab to map drawn ${ms(byTab.at(-1))}`);
    await page.context().close();
  }
} catch (e) {
  await browser.close();
  await server.close();
  throw e;
}

// A large sheet (SYNTHETIC=path, written by gen-synthetic): each view that
// lists or draws every project loaded, then a theme ticked until the view
// shows the new count.
const LARGE_VIEWS = { projects: 'article.project-card', map: '.map-svg .country path', funding: '#funding-items svg.chart' };
const large = Object.fromEntries(Object.keys(LARGE_VIEWS).map((v) => [v, { load: [], checked: [], change: [], off: [] }]));
// The checker (a wasm chunk) reads the file again once the browser is idle
// after the view is drawn: a long task on a large file. Its end: the chunk
// fetched, then the next idle moment. The theme is ticked after it, so the
// repaint is timed alone.
const checkedAt = () => new Promise((done) => {
  const idle = () => requestIdleCallback(() => requestIdleCallback(() => done(performance.now())));
  const wait = () => (performance.getEntriesByType('resource').some((e) => e.name.includes('/split_checked_')) ? idle() : setTimeout(wait, 20));
  wait();
});
try {
  if (process.env.SYNTHETIC) {
    server.put('data/synthetic.json', readFileSync(process.env.SYNTHETIC));
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      for (const [view, ready] of Object.entries(LARGE_VIEWS)) {
        const page = await newPage(browser);
        await page.addInitScript(probe);
        const start = Date.now();
        await page.goto(`${server.url}?data=data/synthetic.json&view=${view}`);
        await page.waitForSelector(`main#app[data-ilo-ready] ${ready}`, { timeout: 120_000 });
        large[view].load.push(Date.now() - start);
        large[view].checked.push(await page.evaluate(checkedAt));
        // A theme ticked, then unticked (back to every project), four times
        // each: the time from the click to the next frame, once the view
        // has changed (its summary counts what it shows).
        const [on, off] = await page.evaluate(async () => {
          const root = appRoot();
          const box = root.querySelector('input[type="checkbox"][name="theme"]');
          const tick = () => new Promise((done) => {
            const before = performance.now();
            box.click();
            requestAnimationFrame(() => done(performance.now() - before));
          });
          const times = [[], []];
          for (let k = 0; k < 8; k++) {
            times[k % 2].push(await tick());
            await new Promise((r) => setTimeout(r, 300));
          }
          return times;
        });
        large[view].change.push(...on);
        large[view].off.push(...off);
        console.log(`large run ${i + 1}: ${view} view shown ${ms(large[view].load.at(-1))}; a theme ticked ${on.map(ms).join(', ')}; unticked ${off.map(ms).join(', ')}`);
        await page.context().close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const summary = (label, xs) =>
  console.log(`${label}: median ${ms(median(xs))} over ${xs.length} runs (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))})`);
summary('navigation to first section on screen (prerendered)', runs.map((r) => r.firstSection));
summary('navigation to the live widget shown', runs.map((r) => r.live));
summary('navigation to ?view=map with 150+ countries drawn', direct);
summary('Map tab clicked to countries drawn (geometry fetched, parsed, rendered)', byTab);
for (const [view, { load, change, off }] of Object.entries(large)) {
  if (!load.length) continue;
  summary(`large sheet: navigation to the ${view} view shown`, load);
  summary(`large sheet: navigation to the ${view} view's file checked (when idle after)`, large[view].checked);
  summary(`large sheet: ${view} view, a theme ticked to the next frame`, change);
  summary(`large sheet: ${view} view, the theme unticked (every project again) to the next frame`, off);
}
