// Browser-test helpers: Debian's headless Chromium through playwright-core,
// pages that record every request (so a test can assert that nothing leaves
// 127.0.0.1), and node:test hooks giving each test a fresh copy of dist/.
//
// Never run `npx playwright install`: it downloads a browser (and fails here);
// the tests use /usr/bin/chromium (override with CHROMIUM=/path).

import { after, afterEach, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, ROOT, serveDir, serveDist } from './server.mjs';

export { DIST, ROOT, serveDist, serveDir } from './server.mjs';

/** Generous: a cold wasm start on a busy 2-core machine takes several seconds. */
export const TIMEOUT = 30_000;

/** The data file the built site serves (dist/data/china.json), parsed. */
export function loadChina() {
  const file = join(DIST, 'data/china.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`make dist\` first`);
  return JSON.parse(readFileSync(file, 'utf8'));
}
export const CHINA = loadChina();
/** The same file as text, to restore it after a test removed or broke it. */
export const CHINA_TEXT = readFileSync(join(DIST, 'data/china.json'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Debian's Chromium, headless, usable as root. */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A page in a new browser context (empty cache, own cookies) that records
 * `page.requests` (every URL asked for, including aborted ones), `page.errors`
 * (uncaught exceptions) and `page.consoleErrors` (console errors, CSP reports).
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  // The report renders in the shadow root of `main#app` (embed.js): page
  // scripts reach it through appRoot() (the document itself on other pages).
  // Playwright's own selectors (locator, waitForSelector, $$eval) pierce
  // open shadow roots already.
  await context.addInitScript(() => {
    window.appRoot = () => document.querySelector('#app')?.shadowRoot ?? document;
  });
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.consoleErrors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  return page;
}

/** Opens `query` (e.g. '?q=Kenya') and waits until the report or an alert is shown. */
export async function openReport(page, base, query = '') {
  await page.goto(new URL(query, base).href);
  await page.waitForSelector('main#app[data-ilo-ready] h1, main#app [role="alert"]', { timeout: TIMEOUT });
}

/**
 * Fails if any request the page made went anywhere but the test server, or
 * the `hosts` (test servers of host pages on other origins: `ctx.hosts`).
 */
export function assertLocalOnly(page, server, hosts = []) {
  const allowed = new Set([server, ...hosts].map((s) => new URL(s.url).origin));
  const away = page.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !allowed.has(new URL(u).origin));
  assert.deepEqual(away, [], `requests left ${[...allowed].join(', ')}`);
}

/**
 * node:test hooks for a test file: one browser for the file, and for every test
 * a fresh served copy of dist/ (ctx.server) and pages from ctx.page(options)
 * that are closed afterwards, with a check that none of their requests went
 * anywhere but ctx.server and the host-page servers a test pushed on ctx.hosts. Use ctx.* inside tests only (they are set by the hooks).
 */
export function useBrowser({ serve = {} } = {}) {
  const ctx = { browser: null, server: null, pages: [], hosts: [] };
  ctx.page = async (options) => {
    const page = await newPage(ctx.browser, options);
    ctx.pages.push(page);
    return page;
  };
  ctx.open = async (query = '', options) => {
    const page = await ctx.page(options);
    await openReport(page, ctx.server.url, query);
    return page;
  };
  before(async () => { ctx.browser = await launch(); });
  after(async () => { await ctx.browser?.close(); });
  beforeEach(async () => { ctx.server = await serveDist(serve); });
  afterEach(async () => {
    const pages = ctx.pages.splice(0);
    const hosts = ctx.hosts.splice(0);
    try {
      for (const page of pages) assertLocalOnly(page, ctx.server, hosts);
    } finally {
      for (const page of pages) await page.context().close().catch(() => {});
      await ctx.server?.close();
    }
  });
  return ctx;
}

/**
 * Serves `files` ({ name: text }) as a host page's site on an origin of its
 * own (another loopback port than ctx.server), with `headers` on every
 * response; closed after the test `t`, and allowed by the test's request check.
 */
export async function serveHost(ctx, t, files, headers = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ilo-host-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const served = await serveDir(dir, { headers });
  t.after(async () => {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  });
  assert.notEqual(new URL(served.url).origin, new URL(ctx.server.url).origin);
  ctx.hosts.push(served);
  return served;
}
