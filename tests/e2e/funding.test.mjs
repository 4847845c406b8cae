// The funding view in a real browser: a bar per amount with its figure, the
// shared filters, the details box, and the CSV download against the table.
// Expected values come from data/china.json, never from the app's code.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launch, newPage, openReport, CHINA as sheet } from './helpers.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(query, viewport = { width: 1200, height: 900 }) {
  const page = await newPage(browser, { viewport, acceptDownloads: true });
  await openReport(page, server.url, query);
  await page.waitForSelector('#funding-items svg.chart');
  return { page, errors: page.errors };
}

// ------------------------------------------------ expectations from the data

/**
 * What a printed figure says, read back: "over US$ 4.45 million" is
 * { qualifier: 'over', amount_usd: 4450000 }. The test compares that with the
 * data file, so the app's wording is checked without writing it a second time.
 */
function readFigure(text) {
  const m = /^(over |more than |a total of )?US\$ ([\d.,]+)( million)?$/.exec(text.trim());
  if (!m) return { unreadable: text };
  const qualifier = { 'over ': 'over', 'more than ': 'more_than', 'a total of ': 'total_of' }[m[1] ?? ''] ?? 'exact';
  const amount = Number(m[2].replaceAll(',', '')) * (m[3] ? 1e6 : 1);
  return { qualifier, amount_usd: Math.round(amount) };
}

/** The money of the data file as readFigure gives it back. */
const stated = ({ amount_usd, qualifier = 'exact' }) => ({ qualifier, amount_usd: Math.round(amount_usd) });

/** Every amount the sheet names: funded projects, then contributions. */
function amounts({ theme } = {}) {
  const projects = sheet.projects
    .filter((p) => p.funding && (!theme || (p.themes ?? []).includes(theme)))
    .map((p) => ({ title: p.title, money: stated(p.funding), amount: p.funding.amount_usd }));
  const contributions = sheet.contributions
    .filter((c) => !theme || (c.themes ?? []).includes(theme))
    .map((c) => ({ title: c.title, money: stated(c.amount), amount: c.amount.amount_usd, stated: c.kind === 'stated_total' }));
  return [...projects, ...contributions];
}

/** The bars of a chart: label lines joined, the figure, and the accessible name's words. */
function bars(page, chart) {
  return page.$$eval(`#funding-${chart} g.bar`, (gs) => gs.map((g) => ({
    key: g.dataset.key,
    name: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '),
    label: [...g.querySelectorAll('text.label:not(.value)')].map((t) => t.textContent).join(' '),
    figure: [...g.querySelectorAll('text.value')].map((t) => t.textContent).join(' '),
    width: Number(g.querySelector('rect.bar-rect')?.getAttribute('width')),
  })));
}

/** A minimal CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = []; let row = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { /* CRLF: the \n ends the row */ }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// ------------------------------------------------------------------- tests

test('?view=funding draws a bar per amount, each with its figure', async () => {
  const { page, errors } = await open('?view=funding');
  const expected = amounts();
  const drawn = await bars(page, 'items');
  assert.equal(drawn.length, expected.length, 'one bar per project budget and contribution');
  for (const want of expected) {
    const bar = drawn.find((b) => b.label.startsWith(want.title));
    assert.ok(bar, `a bar for "${want.title}"`);
    assert.deepEqual(readFigure(bar.figure), want.money, `figure of "${want.title}": ${bar.figure}`);
    assert.ok(bar.width > 0);
    if (want.stated) assert.match(bar.label, /stated total/);
  }
  // Bars are proportional: the largest amount has the longest bar.
  const largest = expected.reduce((a, b) => (b.amount > a.amount ? b : a));
  const longest = drawn.reduce((a, b) => (b.width > a.width ? b : a));
  assert.ok(longest.label.startsWith(largest.title));
  // Each SVG is labelled by its title and description.
  const labelled = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => {
    const ids = (s.getAttribute('aria-labelledby') ?? '').split(' ');
    return s.getAttribute('role') === 'group' && ids.length === 2 && ids.every((id) => s.getRootNode().getElementById(id)?.closest('svg') === s);
  }));
  assert.equal(labelled.length, 4);
  assert.ok(labelled.every(Boolean));
  // The totals say what they add, and keep the stated total apart.
  const totals = await page.textContent('.funding-totals');
  const total = sheet.contributions.find((c) => c.kind === 'stated_total');
  const said = /Stated by the source: ((?:over |more than |a total of )?US\$ [\d.,]+(?: million)?)/.exec(totals);
  assert.ok(said, totals);
  assert.deepEqual(readFigure(said[1]), stated(total.amount));
  const funded = sheet.projects.filter((p) => p.funding).length;
  assert.match(totals, new RegExp(`Sum of the ${funded} project budgets listed: over US\\$`));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('?theme=social-protection leaves only its bars', async () => {
  const { page } = await open('?view=funding&theme=social-protection');
  const expected = amounts({ theme: 'social-protection' });
  assert.ok(expected.length > 0);
  await page.waitForFunction((n) => appRoot().querySelectorAll('#funding-items g.bar').length === n, expected.length);
  const drawn = await bars(page, 'items');
  const key = (m) => `${m.qualifier} ${m.amount_usd}`;
  assert.deepEqual(drawn.map((b) => key(readFigure(b.figure))).sort(), expected.map((e) => key(e.money)).sort());
  for (const want of expected) assert.ok(drawn.some((b) => b.label.startsWith(want.title)), want.title);
  // The theme chart draws the chosen theme only.
  const themes = await bars(page, 'themes');
  const name = sheet.themes.find((t) => t.id === 'social-protection').name;
  assert.deepEqual(themes.map((b) => b.label), [name]);
  await page.context().close();
});

test('a bar shows its figures and source, and sets the filter it stands for', async () => {
  const { page } = await open('?view=funding');
  // Keyboard: focus the first contributor bar; its details show.
  await page.focus('#funding-funders g.bar');
  const details = await page.textContent('#funding-funders .chart-details');
  const mohrss = sheet.partners.find((p) => p.id === 'mohrss');
  assert.ok(details.includes(mohrss.short_name));
  const jpo = sheet.contributions.find((c) => c.kind === 'staffing' && c.funders.includes('mohrss'));
  assert.ok(details.includes(jpo.source.quote), 'the source sentence of each item added');
  // Tab to the next bar, Enter: its details replace the first's.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const second = await page.$$eval('#funding-funders g.bar', (gs) => [...gs[1].querySelectorAll('text.label:not(.value)')].map((t) => t.textContent).join(' '));
  assert.equal(await page.textContent('#funding-funders .details-title'), second);
  // The theme bar's button sets the theme filter (and the URL).
  await page.click('#funding-themes g.bar[data-key="g-social-protection"]');
  await page.click('#funding-themes .set-filter');
  await page.waitForURL(/theme=social-protection/);
  await page.waitForFunction(() => appRoot().querySelectorAll('#funding-themes g.bar').length === 1);
  assert.equal(await page.isChecked('input[name="theme"][value="social-protection"]'), true);
  await page.context().close();
});

for (const chart of ['items', 'funders', 'themes', 'time']) {
  test(`the ${chart} CSV download matches its table`, async () => {
    const { page } = await open('?view=funding&theme=social-protection');
    await page.click(`#funding-${chart} .chart-table summary`);
    const table = await page.$$eval(`#funding-${chart} table tr`, (trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`#funding-${chart} .download-csv`),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`-funding-${chart}\\.csv$`));
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(text.endsWith('\r\n'));
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    assert.deepEqual(rows, table, 'header row and every cell, filters applied');
    assert.ok(rows.length >= 2);
    await page.context().close();
  });
}

test('legible at 320 px: labels wrap inside the chart and never overlap', async () => {
  const { page, errors } = await open('?view=funding', { width: 320, height: 800 });
  const problems = await page.$$eval('svg.chart', (svgs) => svgs.flatMap((svg) => {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '')
      .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    const out = [];
    for (const t of texts) {
      if (t.r.left < box.left - 0.5 || t.r.right > box.right + 0.5) out.push(`outside: ${t.text}`);
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].r; const b = texts[j].r;
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
          && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
        if (overlap) out.push(`overlap: ${texts[i].text} / ${texts[j].text}`);
      }
    }
    return out;
  }));
  assert.deepEqual(problems, []);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 320, `no sideways scrolling (${scrollWidth})`);
  assert.deepEqual(errors, []);
  await page.context().close();
});
