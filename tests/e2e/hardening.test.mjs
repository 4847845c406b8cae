// Misuse of the site from a link or a server, as an attacker would try it
// (issue "hardening, second round"): a sheet of theirs on our origin outside
// data/, a redirect, a body larger than it says (a gzip bomb, an endless
// stream), a long search and a long refused address in a link, and a host
// page that enforces Trusted Types. Each ends in a clear alert or a working
// widget, never in their content, a frozen tab or a script error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { CHINA, TIMEOUT, serveHost, useBrowser } from './helpers.mjs';

const ctx = useBrowser({ serve: { headers: { 'access-control-allow-origin': '*' } } });

/** A sheet someone else wrote, with their own title and contact. */
const SPOOF = JSON.stringify({ ...CHINA, meta: { ...CHINA.meta, title: 'Spoofed sheet' } });

/** The alert's text once it shows. */
async function alertText(page) {
  await page.waitForSelector('main#app [role="alert"]', { timeout: TIMEOUT });
  return (await page.textContent('main#app [role="alert"]')).trim();
}

test('a sheet on our origin but outside data/ is refused, unfetched, however its path is written', async () => {
  ctx.server.put('uploads/evil.json', SPOOF);
  ctx.server.put('data/uploads-link.json', SPOOF);
  for (const data of [
    'uploads/evil.json',
    '/uploads/evil.json',
    'data/../uploads/evil.json',
    'data/%2e%2e/uploads/evil.json',
    'data/%2E%2E%2Fuploads/evil.json',
    'data/.%2e/uploads/evil.json',
    `${ctx.server.url}uploads/evil.json`,
  ]) {
    const page = await ctx.open(`?data=${encodeURIComponent(data)}`);
    const alert = await alertText(page);
    assert.match(alert, /not in this site's data folder/, data);
    assert.match(alert, /\/data\/\)/, `${data}: the alert names the folder`);
    assert.ok(!page.requests.some((u) => new URL(u).pathname.includes('evil.json')), `${data}: fetched it`);
    assert.ok(!(await page.evaluate(() => appRoot().textContent)).includes('Spoofed'), data);
  }
  // A sheet in data/ is shown as before.
  const page = await ctx.open('?data=data/uploads-link.json');
  assert.equal((await page.textContent('main#app[data-ilo-ready] h1')).trim(), 'Spoofed sheet');
});

test('the iframe page takes its src from data/ only', async () => {
  ctx.server.put('uploads/evil.json', SPOOF);
  const page = await ctx.page();
  await page.goto(new URL('embed.html?view=projects&src=uploads/evil.json', ctx.server.url).href);
  await page.waitForSelector('[data-ilo-frame] [role="alert"]', { timeout: TIMEOUT });
  assert.match(await page.textContent('[data-ilo-frame] [role="alert"]'), /not in this site's data folder/);
  assert.ok(!page.requests.some((u) => new URL(u).pathname.includes('evil.json')), 'fetched it');
});

test('a redirected response is refused and said so, wherever it leads', async () => {
  ctx.server.put('uploads/evil.json', SPOOF);
  const redirect = (to) => (req, res) => res.writeHead(302, { location: to, 'cache-control': 'no-store' }).end();
  ctx.server.route('/data/moved.json', redirect('/uploads/evil.json'));
  ctx.server.route('/data/moved-inside.json', redirect('/data/china.json'));
  for (const data of ['data/moved.json', 'data/moved-inside.json']) {
    const page = await ctx.open(`?data=${data}`);
    const alert = await alertText(page);
    assert.match(alert, /sent from another address \(a redirect\)/, data);
    assert.ok(!(await page.evaluate(() => appRoot().textContent)).includes('Spoofed'), data);
    assert.equal(await page.locator('main#app [role="alert"] button.retry').count(), 0, 'retrying cannot help');
  }
});

test('a gzip bomb is read no further than 4 MB', async () => {
  // 200 MB of spaces inside a JSON string: about 200 KB on the wire, announced as such.
  const body = gzipSync(Buffer.concat([Buffer.from('{"x": "'), Buffer.alloc(200_000_000, 0x20), Buffer.from('"}')]));
  ctx.server.route('/data/bomb.json', (req, res) => res.writeHead(200, {
    'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length, 'cache-control': 'no-store',
  }).end(body));
  const page = await ctx.open('?data=data/bomb.json');
  assert.match(await alertText(page), /larger than the 4\.0 MB this app reads; reading stopped there/);
  assert.deepEqual(page.errors, []);
  // The tab still answers.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
});

test('an endless body without a length is cut off at 4 MB, and the download stops', async () => {
  let sent = 0;
  let closed = false;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  ctx.server.route('/data/endless.json', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.write('{"x": "');
    const started = Date.now();
    res.on('close', () => { closed = true; });
    // Bounded all the same: 400 MB or 60 s at most.
    const pump = () => {
      while (!closed && sent < 400_000_000 && Date.now() - started < 60_000) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  const page = await ctx.open('?data=data/endless.json');
  assert.match(await alertText(page), /reading stopped there/);
  await new Promise((done) => setTimeout(done, 500));
  assert.ok(closed, 'the browser closed the download');
  assert.ok(sent < 64_000_000, `${sent} bytes sent before the reader stopped`);
});

test('a long search and a long refused address in a link are cut, not echoed whole', async () => {
  // (Long, within what a server takes in a request line: 8 KB here.)
  const q = `${'zz '.repeat(1500)}Kenya`;
  const page = await ctx.open(`?q=${encodeURIComponent(q)}`);
  const value = await page.inputValue('main#app input[name="q"]');
  assert.equal(value.length, 200, 'the search box holds the first 200 characters');
  assert.equal(await page.getAttribute('main#app input[name="q"]', 'maxlength'), '200');
  assert.deepEqual(page.errors, []);

  const long = `uploads/${'x'.repeat(3000)}.json`;
  const refused = await ctx.open(`?data=${long}`);
  const alert = await alertText(refused);
  assert.ok(alert.length < 400, `the alert is ${alert.length} characters`);
  assert.match(alert, /…/);
  const heading = (await refused.textContent('main#app [role="alert"] h1')).trim();
  assert.ok(heading.length < 400, `the heading is ${heading.length} characters`);
});

/** A host page on its own origin, under `policy`, with a map widget (a prerendered copy exists for it). */
async function trustedTypesHost(t, policy) {
  const base = ctx.server.url;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,"><script type="module" src="${base}embed.js"></script></head>
<body><h1>Host</h1><div id="w" data-ilo-factsheet data-view="map"></div>
<div id="p" data-ilo-factsheet data-view="projects"></div></body></html>`;
  const csp = `default-src 'none'; script-src ${base} 'wasm-unsafe-eval'; connect-src ${base}; img-src data:; ${policy}`;
  return serveHost(ctx, t, { 'index.html': html }, { 'content-security-policy': csp });
}

test('embed.js works on a host page that enforces Trusted Types, through a policy of its own', async (t) => {
  for (const policy of ["require-trusted-types-for 'script'", "require-trusted-types-for 'script'; trusted-types ilo-factsheet"]) {
    const h = await trustedTypesHost(t, policy);
    const page = await ctx.page();
    const copies = [];
    await page.exposeFunction('sawCopy', (text) => copies.push(text));
    await page.addInitScript(() => {
      // Whether the prerendered copy held content before the live widget came.
      new MutationObserver(() => {
        const pre = document.querySelector('#w')?.shadowRoot?.querySelector('[data-ilo-prerendered]');
        if (pre?.textContent.trim()) window.sawCopy(pre.textContent.trim().slice(0, 40));
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(h.url);
    for (const id of ['#w', '#p']) {
      await page.waitForFunction((s) => document.querySelector(s)?.matches('[data-ilo-ready]'), id, { timeout: TIMEOUT });
    }
    assert.ok(await page.locator('#w .map-view').count() > 0, policy);
    assert.ok(await page.locator('#p article.project-card').count() > 0, policy);
    // Filtering redraws through the same policy.
    await page.evaluate(() => { document.querySelector('#p').dataset.q = 'skills'; });
    await page.waitForFunction(() => document.querySelector('#p').shadowRoot.querySelector('.summary')?.textContent.trim());
    assert.deepEqual(page.errors, [], policy);
    assert.ok(copies.length > 0, `${policy}: the prerendered copy showed first`);
    // At most the one refusal that made the policy is reported.
    const refused = page.consoleErrors.filter((m) => /TrustedHTML|Trusted Type/i.test(m));
    assert.ok(refused.length <= 1, `${policy}: ${refused}`);
    assert.ok(!page.consoleErrors.some((m) => /could not start/.test(m)), policy);
  }
});

test('where a host allows no policy at all, the widget says it cannot start instead of staying blank', async (t) => {
  const h = await trustedTypesHost(t, "require-trusted-types-for 'script'; trusted-types 'none'");
  const page = await ctx.page();
  await page.goto(h.url);
  await page.waitForSelector('#w [role="alert"]', { timeout: TIMEOUT });
  assert.match(await page.textContent('#w [role="alert"]'), /could not start/);
});
