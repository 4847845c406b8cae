// The editors' preview page (dist/preview.html): a file set on its input, or
// dropped on the page, is read in the browser and never requested from
// anywhere; its problems are listed with their JSON path and line, each a
// button that shows, highlights and focuses its line in the file's text; the
// report beside them is the widget's, its tabs and filters working without
// touching the page's URL; another file redraws everything. Screenshots at
// 320 and 1200 px are written to target/e2e-screenshots/ to look at.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { useBrowser, CHINA, CHINA_TEXT, ROOT } from './helpers.mjs';

const ctx = useBrowser();
const SHOTS = join(ROOT, 'target/e2e-screenshots');
const INPUT = '[data-ilo-preview] input[type="file"]';

/** preview.html, open and ready for a file; every request's method and URL recorded. */
async function openPreview(options) {
  const page = await ctx.page(options);
  page.sent = [];
  page.on('request', (r) => page.sent.push({ method: r.method(), url: r.url(), body: r.postData() }));
  await page.goto(new URL('preview.html', ctx.server.url).href);
  await page.waitForSelector(INPUT, { state: 'attached' });
  return page;
}

/** Sets `text` as the chosen file, and waits until it is read. */
async function choose(page, name, text) {
  await page.setInputFiles(INPUT, { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction((n) => {
    const status = document.querySelector('[data-ilo-preview]')?.shadowRoot?.querySelector('.pv-verdict');
    return status?.textContent.startsWith(`${n}:`) || status?.textContent.includes(`${n} is`);
  }, name);
}

/** The 1-based line of `text` holding `needle`. */
const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The problems listed: severity, path, place and whether each is a button. */
const problems = (page) => page.$$eval('.pv-problems > li > .pv-problem', (items) => items.map((b) => ({
  button: b.localName === 'button',
  severity: b.dataset.severity,
  path: b.querySelector('.pv-path').textContent,
  at: b.querySelector('.pv-at')?.textContent ?? null,
})));

/** The element focused inside the preview's shadow root. */
const focusedLine = (page) => page.evaluate(() => document.querySelector('[data-ilo-preview]').shadowRoot.activeElement?.dataset.line ?? null);

/** China with a wrong type, a dangling reference and an unknown field. */
function brokenChina() {
  const broken = structuredClone(CHINA);
  broken.projects[3].funding.amount_usd = 'five million';
  broken.projects[1].themes[0] = 'no-such-theme';
  broken.events[0].colour = 'red';
  return JSON.stringify(broken, null, 2);
}

test('the page before a file: a labelled picker that is the drop zone, an empty report, nothing fetched', async () => {
  const page = await openPreview();
  assert.equal((await page.textContent('[data-ilo-preview] h1')).trim(), 'Preview a fact sheet');
  // The input's label is the drop zone: its name says both.
  const input = page.getByLabel(/Choose a file\s*or drop it here/);
  assert.equal(await input.count(), 1);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('[data-ilo-preview]').shadowRoot.activeElement?.type), 'file');
  assert.match(await page.textContent('.pv-verdict'), /No file chosen yet/);
  assert.equal(await page.getAttribute('.pv-verdict', 'role'), 'status');
  assert.equal(await page.getAttribute('.pv-verdict', 'aria-live'), 'polite');
  assert.match(await page.textContent('.pv-report'), /The report made from the file shows here/);
  assert.ok(!page.sent.some((r) => r.url.includes('/data/')), `no sheet asked for: ${page.sent.map((r) => r.url)}`);
  assert.deepEqual(page.errors, []);
});

test('a good file shows its report, no problems and what it holds, and is never sent anywhere', async () => {
  const page = await openPreview();
  const before = page.sent.length;
  await choose(page, 'china.json', CHINA_TEXT);
  assert.equal((await page.textContent('.pv-verdict')).trim(), 'china.json: no problems.');
  const holds = await page.textContent('.pv-holds');
  for (const [n, what] of [[CHINA.sections.length, 'sections'], [CHINA.events.length, 'events'],
    [CHINA.projects.length, 'projects'], [CHINA.partners.length, 'partners']]) {
    assert.ok(holds.includes(`${n} ${what}`), `${n} ${what} in ${holds}`);
  }
  assert.equal(await page.locator('.pv-problems').count(), 0);
  await page.waitForSelector('.pv-report .ilo-factsheet h1');
  assert.equal((await page.textContent('.pv-report .ilo-factsheet h1')).trim(), 'China');
  assert.equal(await page.locator('.pv-report section.fs-section').count(), CHINA.sections.length);
  assert.equal(await page.locator('.pv-report [role="alert"]').count(), 0);
  // Every line of the file, numbered.
  assert.equal(await page.locator('.pv-line').count(), CHINA_TEXT.split('\n').length);
  assert.equal((await page.textContent('.pv-line[data-line="3"] .pv-ln')).trim(), '3');
  assert.equal(await page.textContent('.pv-line[data-line="3"] .pv-code'), CHINA_TEXT.split('\n')[2]);
  // Nothing left the page for the file: no request after it was chosen but the
  // page's own assets, no request with a body, nothing but GET.
  const after = page.sent.slice(before);
  assert.deepEqual(after.filter((r) => r.url.includes('china.json') || r.method !== 'GET' || r.body), []);
  assert.ok(page.sent.every((r) => new URL(r.url).origin === new URL(ctx.server.url).origin || r.url.startsWith('data:')));
  assert.deepEqual(page.errors, []);
});

test('the report\'s views and filters work in the preview without touching its URL', async () => {
  const page = await openPreview();
  const url = page.url();
  await choose(page, 'china.json', CHINA_TEXT);
  await page.waitForSelector('.pv-report nav.views a.tab');
  // No embed button: a local file is on no site to embed from.
  assert.equal(await page.locator('.pv-report .embed-open').count(), 0);
  for (const [tab, shows] of [['Projects', 'article.project-card'], ['Timeline', '.timeline'],
    ['Map', '.map-view svg path'], ['Funding', '.funding'], ['Full report', 'section.fs-section']]) {
    await page.click(`.pv-report nav.views a.tab:text-is("${tab}")`);
    await page.waitForSelector(`.pv-report nav.views a.tab[aria-current="page"]:text-is("${tab}")`);
    await page.waitForSelector(`.pv-report ${shows}`);
    assert.equal(page.url(), url, tab);
  }
  // (Folded behind a button when the report's column is narrow.)
  if (await page.isVisible('.pv-report .filters-toggle')) await page.click('.pv-report .filters-toggle');
  await page.check('.pv-report #filters input[name="theme"][value="social-protection"]');
  await page.waitForSelector('.pv-report .summary:text-matches("matching item")');
  assert.equal(page.url(), url);
  assert.deepEqual(page.errors, []);
});

test('a broken file lists each problem with its path and line; a problem\'s button highlights and focuses its line', async () => {
  const page = await openPreview();
  const text = brokenChina();
  await choose(page, 'broken.json', text);
  const listed = await problems(page);
  const find = (path) => listed.find((p) => p.path === path);
  for (const [path, severity, needle] of [
    ['projects[3].funding.amount_usd', 'error', '"five million"'],
    ['projects[1].themes[0]', 'error', '"no-such-theme"'],
    ['events[0].colour', 'warning', '"colour"'],
  ]) {
    const p = find(path);
    assert.ok(p, `${path} in ${JSON.stringify(listed)}`);
    assert.equal(p.severity, severity, path);
    assert.ok(p.button, `${path} is a button`);
    assert.match(p.at, new RegExp(`^line ${lineOf(text, needle)}, column \\d+$`), path);
  }
  // The summary counts what is listed, and says it politely.
  const errors = listed.filter((p) => p.severity === 'error').length;
  const warnings = listed.length - errors;
  const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  assert.equal((await page.textContent('.pv-verdict')).trim(), `broken.json: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  assert.match(await page.textContent('.pv-problems-box h2'), new RegExp(`\\(${listed.length}\\)`));
  // Lines with problems are marked.
  const amount = lineOf(text, '"five million"');
  assert.equal(await page.getAttribute(`.pv-line[data-line="${amount}"]`, 'data-severity'), 'error');
  assert.equal(await page.getAttribute(`.pv-line[data-line="${lineOf(text, '"colour"')}"]`, 'data-severity'), 'warning');

  // Clicking a problem: its line is highlighted, in view and focused.
  await page.click('.pv-problem:has(.pv-path:text-is("projects[3].funding.amount_usd"))');
  await page.waitForSelector(`.pv-line.pv-current[data-line="${amount}"]`);
  assert.equal(await page.locator('.pv-line.pv-current').count(), 1);
  assert.equal(await page.getAttribute(`.pv-line[data-line="${amount}"]`, 'aria-current'), 'true');
  await page.waitForFunction((n) => document.querySelector('[data-ilo-preview]').shadowRoot.activeElement?.dataset.line === String(n), amount);
  const box = await page.locator('.pv-source').boundingBox();
  const line = await page.locator(`.pv-line[data-line="${amount}"]`).boundingBox();
  assert.ok(line.y >= box.y && line.y + line.height <= box.y + box.height, `line ${JSON.stringify(line)} in ${JSON.stringify(box)}`);
  assert.match(await page.textContent(`.pv-line[data-line="${amount}"] .pv-code`), /"amount_usd": "five million"/);

  // By keyboard: another problem's button, Enter.
  const themes = lineOf(text, '"no-such-theme"');
  await page.focus('.pv-problem:has(.pv-path:text-is("projects[1].themes[0]"))');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.pv-line.pv-current[data-line="${themes}"]`);
  await page.waitForFunction((n) => document.querySelector('[data-ilo-preview]').shadowRoot.activeElement?.dataset.line === String(n), themes);
  assert.equal(await page.locator('.pv-line.pv-current').count(), 1, 'one line highlighted at a time');

  // The report beside it shows what is valid, with the widget's own alert.
  await page.waitForSelector('.pv-report [role="alert"]');
  assert.match(await page.textContent('.pv-report [role="alert"]'), /projects\[3\]/);
  assert.equal((await page.textContent('.pv-report .ilo-factsheet h1')).trim(), 'China');
  assert.deepEqual(page.errors, []);
});

test('a syntax error gives its line; choosing another file redraws everything', async () => {
  const page = await openPreview();
  const lines = CHINA_TEXT.split('\n');
  const at = 100;
  lines[at - 1] += ' @';
  await choose(page, 'syntax.json', lines.join('\n'));
  const listed = await problems(page);
  assert.equal(listed.length, 1, JSON.stringify(listed));
  assert.equal(listed[0].path, '$');
  assert.match(listed[0].at, new RegExp(`^line ${at}, column \\d+$`));
  assert.equal((await page.textContent('.pv-verdict')).trim(), 'syntax.json: 1 error.');
  assert.match(await page.textContent('.pv-holds'), /Nothing of it can be shown/);
  await page.waitForSelector('.pv-report [role="alert"]');
  assert.match(await page.textContent('.pv-report [role="alert"]'), /cannot be shown/);
  await page.click('.pv-problem');
  await page.waitForSelector(`.pv-line.pv-current[data-line="${at}"]`);
  assert.equal(await focusedLine(page), String(at));

  // Another file: the good one. Everything is drawn anew.
  await choose(page, 'china.json', CHINA_TEXT);
  assert.equal((await page.textContent('.pv-verdict')).trim(), 'china.json: no problems.');
  assert.equal(await page.locator('.pv-problems').count(), 0);
  assert.equal(await page.locator('.pv-line.pv-current').count(), 0);
  await page.waitForSelector('.pv-report .ilo-factsheet h1');
  assert.equal(await page.locator('.pv-report [role="alert"]').count(), 0);
  assert.equal(await page.locator('.pv-line').count(), CHINA_TEXT.split('\n').length);

  // And back to a broken one: its problems again.
  await choose(page, 'broken.json', brokenChina());
  assert.ok((await problems(page)).some((p) => p.path === 'projects[3].funding.amount_usd'));
  assert.ok(!page.sent.some((r) => /(china|broken|syntax)\.json/.test(r.url)), 'no file requested');
  assert.deepEqual(page.errors, []);
});

test('a file dropped on the page is read; the page takes the drop, not the browser', async () => {
  const page = await openPreview();
  const state = await page.evaluate((text) => {
    const root = document.querySelector('[data-ilo-preview]').shadowRoot;
    const zone = root.querySelector('.pv-drop');
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true, composed: true });
    zone.dispatchEvent(over);
    return { overTaken: over.defaultPrevented };
  }, CHINA_TEXT).catch((e) => ({ error: String(e) }));
  assert.equal(state.overTaken, true, JSON.stringify(state));
  await page.waitForSelector('.ilo-preview.pv-over');
  assert.match(await page.textContent('.pv-choose'), /Drop the file/);
  const taken = await page.evaluate((text) => {
    const root = document.querySelector('[data-ilo-preview]').shadowRoot;
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, composed: true });
    root.querySelector('.pv-source, .pv-intro').dispatchEvent(drop);
    return drop.defaultPrevented;
  }, brokenChina());
  assert.equal(taken, true);
  await page.waitForFunction(() => document.querySelector('[data-ilo-preview]').shadowRoot.querySelector('.pv-verdict')?.textContent.startsWith('dropped.json:'));
  assert.equal(await page.locator('.ilo-preview.pv-over').count(), 0);
  assert.ok((await problems(page)).some((p) => p.path === 'projects[1].themes[0]'));
  assert.deepEqual(page.errors, []);
});

test('a file longer than 5,000 lines draws 5,000 at a time, moved to the problem chosen', async () => {
  const long = structuredClone(CHINA);
  const copies = Array.from({ length: 120 }, (_, i) => ({ ...structuredClone(CHINA.projects[0]), id: `copy-${i}` }));
  long.projects.push(...copies);
  long.projects.at(-1).period.end = 'later';
  const text = JSON.stringify(long, null, 2);
  const total = text.split('\n').length;
  assert.ok(total > 7_500, `${total} lines`);
  const page = await openPreview();
  await choose(page, 'long.json', text);
  assert.equal(await page.locator('.pv-line').count(), 5_000);
  assert.equal((await page.textContent('.pv-partial')).trim(), `Lines 1 to 5000 of ${total}`);
  assert.equal(await page.locator('.pv-more-lines:text-is("Show earlier lines")').count(), 0);
  const path = `projects[${long.projects.length - 1}].period.end`;
  const listed = await problems(page);
  const wanted = listed.find((p) => p.path === path);
  assert.ok(wanted, JSON.stringify(listed));
  const line = lineOf(text, '"later"');
  assert.match(wanted.at, new RegExp(`^line ${line}, column \\d+$`));
  await page.click(`.pv-problem:has(.pv-path:text-is("${path}"))`);
  await page.waitForSelector(`.pv-line.pv-current[data-line="${line}"]`);
  await page.waitForFunction((n) => document.querySelector('[data-ilo-preview]').shadowRoot.activeElement?.dataset.line === String(n), line);
  assert.equal(await page.locator('.pv-line').count(), 5_000);
  assert.match(await page.textContent('.pv-partial'), new RegExp(`to ${total} of ${total}$`));
  await page.click('.pv-more-lines:text-is("Show earlier lines")');
  await page.waitForSelector(`.pv-line[data-line="${total - 7_500 + 1}"]`);
  assert.ok(await page.isVisible('.pv-more-lines:text-is("Show later lines")'));
  assert.deepEqual(page.errors, []);
});

test('a file over 4 MB is refused unread; bytes that are not UTF-8 are a warning', async () => {
  const page = await openPreview();
  await page.setInputFiles(INPUT, { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(4_100_000, 32) });
  await page.waitForSelector('.pv-verdict:text-matches("larger than the 4.0 MB")');
  assert.match(await page.textContent('.pv-verdict'), /huge\.json is 4\.1 MB/);
  assert.equal(await page.locator('.pv-line').count(), 0);
  const bytes = Buffer.concat([Buffer.from(CHINA_TEXT.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(CHINA_TEXT.slice(40))]);
  await page.setInputFiles(INPUT, { name: 'latin.json', mimeType: 'application/json', buffer: bytes });
  await page.waitForSelector('.pv-verdict:text-matches("latin.json")');
  const listed = await problems(page);
  assert.ok(listed.length >= 1 && listed[0].severity === 'warning', JSON.stringify(listed));
  assert.match(await page.textContent('.pv-problem .pv-message'), /not valid UTF-8/);
  assert.deepEqual(page.errors, []);
});

test('every file of the hostile corpus is read and listed, with no script run, no markup made, no crash', async () => {
  const dir = join(ROOT, 'tests/fixtures/hostile');
  const names = readdirSync(dir).filter((n) => /\.json(\.gz)?$/.test(n) && n !== 'expect.json');
  assert.ok(names.length > 25, String(names));
  const page = await openPreview();
  // The corpus's payloads set window.__iloPwned or open a dialog.
  page.on('dialog', (d) => { page.errors.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.evaluate(() => Object.defineProperty(window, '__iloPwned', { set(v) { throw new Error(`pwned: ${v}`); } }));
  for (const name of names) {
    const stored = readFileSync(join(dir, name));
    const file = name.replace(/\.gz$/, '');
    await page.setInputFiles(INPUT, { name: file, mimeType: 'application/json', buffer: name.endsWith('.gz') ? gunzipSync(stored) : stored });
    await page.waitForFunction((n) => {
      const v = document.querySelector('[data-ilo-preview]').shadowRoot.querySelector('.pv-verdict')?.textContent ?? '';
      return v.startsWith(`${n}:`) || v.includes(`${n} is`);
    }, file);
    const made = await page.evaluate(() => {
      const root = document.querySelector('[data-ilo-preview]').shadowRoot;
      const all = [...root.querySelectorAll('*')];
      return all.filter((el) => /^(script|img|iframe|style|object|embed)$/i.test(el.localName))
        .map((el) => el.localName)
        .concat(all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)));
    });
    assert.deepEqual(made, [], name);
    assert.deepEqual(page.errors, [], name);
  }
});

test('at 320 px the parts stack with nothing wider than the screen; at 1200 px the file sits beside the report', async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [320, 1200]) {
    const page = await openPreview({ viewport: { width, height: 800 } });
    await choose(page, 'broken.json', brokenChina());
    await page.waitForSelector('.pv-report .ilo-factsheet h1');
    await page.click('.pv-problem:has(.pv-path:text-is("projects[3].funding.amount_usd"))');
    await page.waitForSelector('.pv-line.pv-current');
    await page.screenshot({ path: join(SHOTS, `preview-${width}.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${width}: the page scrolls sideways by ${overflow} px`);
    const side = await page.locator('.pv-side').boundingBox();
    const report = await page.locator('.pv-report').boundingBox();
    const zone = await page.locator('.pv-drop').boundingBox();
    assert.ok(zone.height >= 44 && zone.width <= width, `${width}: drop zone ${JSON.stringify(zone)}`);
    if (width === 320) {
      assert.ok(report.y >= side.y + side.height - 1, `320: the report under the file (${JSON.stringify({ side, report })})`);
    } else {
      assert.ok(report.x >= side.x + side.width - 1 && Math.abs(report.y - side.y) < 2, `1200: side by side (${JSON.stringify({ side, report })})`);
    }
    await page.screenshot({ path: join(SHOTS, `preview-${width}-full.png`), fullPage: width === 320 });
    assert.deepEqual(page.errors, []);
  }
});
