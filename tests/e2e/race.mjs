// `make bench`: the built site against its limit, a plain static HTML page of
// the same text (STATIC_HTML, written by `cargo run --features ssr --bin
// snapshot`), both served gzip-compressed from one server, loaded
// alternately in headless Chromium on a throttled phone: 390×844, slow 4G
// (150 ms RTT, 1.6 Mbit/s down), 4× CPU slowdown. Prints the medians of first
// contentful paint, largest contentful paint, "content" (a paragraph of the
// first section on screen) and, for the app, "interactive" (a theme ticked
// and the count shown), and the app/static ratios. RACE_RUNS=3 by default.
// Numbers to read, not pass/fail.

import { readFileSync } from 'node:fs';
import { launch, newPage, serveDist } from './helpers.mjs';

const RUNS = Number(process.env.RACE_RUNS ?? 3);
const STATIC = process.env.STATIC_HTML;
if (!STATIC) throw new Error('race.mjs: set STATIC_HTML to the static page (scripts/bench.sh does)');

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');

// Paint timings, and when a paragraph of the first section is on screen
// (in the document or in a widget's shadow root).
const probe = () => {
  const race = (window.__race = {});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') race.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    const all = list.getEntries();
    race.lcp = all[all.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const look = () => {
    const scope = document.querySelector('#app')?.shadowRoot ?? document;
    const p = scope.querySelector('section.fs-section p');
    if (p && p.getBoundingClientRect().height > 0) race.content = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

async function phone(browser) {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(probe);
  return page;
}

async function load(browser, url, app) {
  const page = await phone(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__race.content !== undefined, null, { timeout: 120_000 });
  let interactive = NaN;
  if (app) {
    // The live widget, not the prerendered copy it replaces.
    await page.waitForSelector('main#app[data-ilo-ready] input[type="checkbox"][name="theme"]', { state: 'attached', timeout: 120_000 });
    interactive = await page.evaluate(() => new Promise((done) => {
      const root = appRoot();
      root.querySelector('input[type="checkbox"][name="theme"]').click();
      const check = () => (/\d/.test(root.querySelector('.summary')?.textContent ?? '')
        ? requestAnimationFrame(() => done(performance.now())) : setTimeout(check, 5));
      check();
    }));
  }
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => ({ ...window.__race }));
  await page.context().close();
  return { ...t, interactive };
}

const server = await serveDist({ gzip: true });
server.put('static.html', readFileSync(STATIC));
const browser = await launch();
const runs = { static: [], app: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    runs.static.push(await load(browser, `${server.url}static.html`, false));
    runs.app.push(await load(browser, server.url, true));
    const [s, a] = [runs.static.at(-1), runs.app.at(-1)];
    console.log(`race ${i + 1}: static content ${ms(s.content)}, app content ${ms(a.content)}, app interactive ${ms(a.interactive)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
const row = (name, key) => {
  const [s, a] = [median(runs.static.map((r) => r[key])), median(runs.app.map((r) => r[key]))];
  console.log(`${name.padEnd(34)} ${ms(s).padStart(9)} ${ms(a).padStart(9)} ${Number.isFinite(s) ? (a / s).toFixed(2).padStart(7) : '      —'}`);
};
console.log(`throttled phone, medians of ${RUNS} runs     static       app   ratio`);
row('first contentful paint', 'fcp');
row('largest contentful paint', 'lcp');
row('content (first section on screen)', 'content');
row('interactive (a filter responds)', 'interactive');
