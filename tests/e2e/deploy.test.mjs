// dist/ is a plain static site: every URL in it is relative, so it works from
// any sub-path of any static server (here /some/sub/path/), data included.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, newPage, assertLocalOnly, serveDir } from './helpers.mjs';

test('the site works from a sub-path, and every request stays under it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ilo-e2e-subpath-'));
  cpSync(DIST, join(root, 'some/sub/path'), { recursive: true });
  const server = await serveDir(root);
  const browser = await launch();
  try {
    const page = await newPage(browser);
    await page.goto(`${server.url}some/sub/path/?view=projects`);
    await page.waitForSelector('main#app[data-ilo-ready] h1');
    assert.equal((await page.textContent('main#app[data-ilo-ready] h1')).trim(), 'China');
    await page.waitForSelector('article.project-card');
    assertLocalOnly(page, server);
    const outside = server.requests.filter((p) => !p.startsWith('/some/sub/path/'));
    assert.deepEqual(outside, [], 'requests outside the sub-path');
    assert.ok(server.requests.includes('/some/sub/path/data/china.json'), String(server.requests));
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
