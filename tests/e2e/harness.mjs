// Test harness: serves a private copy of dist/ on 127.0.0.1 (so a test may
// remove or replace files), launches Debian's headless Chromium, and records
// every request a page makes so tests can assert none leaves the machine.

import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const CHINA = JSON.parse(readFileSync(join(ROOT, 'data/china.json'), 'utf8'));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Serves a fresh copy of dist/; returns { url, dir, put, remove, close }. */
export async function serveDist() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `make dist` first');
  const dir = mkdtempSync(join(tmpdir(), 'ilo-e2e-'));
  cpSync(DIST, dir, { recursive: true });
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    dir,
    put: (rel, text) => writeFileSync(join(dir, rel), text),
    remove: (rel) => rmSync(join(dir, rel), { force: true }),
    close: async () => { await new Promise((ok) => server.close(ok)); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Debian's Chromium, headless, as root. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A new page that records request URLs and page errors. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

/** Opens `query` and waits until the report (or an alert) is shown. */
export async function openReport(page, base, query = '') {
  await page.goto(new URL(query, base).href);
  await page.waitForSelector('.fs-header h1, [role="alert"]', { timeout: 30000 });
}
