// `make bench` (scripts/bench.sh prints the sizes first): load timings of
// dist/ in headless Chromium.
// Each run uses a new browser context (empty cache) on a fresh copy of dist/
// served from 127.0.0.1. Times are measured inside the page from navigation
// start (performance.now()), by a MutationObserver installed before any page
// script: numbers to read, not to pass or fail. RUNS=5 by default.

import { launch, newPage, serveDist } from './helpers.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;

// Records when the app started (Trunk's event) and when the first section appeared.
const probe = () => {
  window.__bench = {};
  addEventListener('TrunkApplicationStarted', () => { window.__bench.started = performance.now(); });
  new MutationObserver((_, observer) => {
    if (document.querySelector('section.fs-section')) {
      window.__bench.firstSection = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

const server = await serveDist();
const browser = await launch();
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    await page.addInitScript(probe);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__bench?.firstSection !== undefined, null, { timeout: 60_000 });
    const t = await page.evaluate(() => ({
      ...window.__bench,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    }));
    runs.push(t);
    console.log(`run ${i + 1}: first section ${ms(t.firstSection)} (DOMContentLoaded ${ms(t.domContentLoaded)}, wasm started ${ms(t.started ?? NaN)})`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
const first = runs.map((r) => r.firstSection);
console.log(`navigation to first section rendered: median ${ms(median(first))} over ${RUNS} runs (min ${ms(Math.min(...first))}, max ${ms(Math.max(...first))})`);
