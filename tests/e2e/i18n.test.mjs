// Five interface languages in Chromium: the language comes from `?lang=`,
// the widget's `lang`, or the browser's, English as fallback; the switcher
// changes it (and the URL); the whole interface is then in that language,
// numbers and dates written by the browser's Intl, `lang` and `dir` on the
// widget's root; Arabic lays out right to left, charts mirrored, nothing
// wider than a 320 px phone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, TIMEOUT, serveDir, useBrowser } from './helpers.mjs';

// Our server, as the README says it must answer embeds: CORS on everything.
const ctx = useBrowser({ serve: { headers: { 'access-control-allow-origin': '*' } } });
const catalogue = (lang) => JSON.parse(readFileSync(join(ROOT, 'i18n', `${lang}.json`), 'utf8'));
const EN = catalogue('en');
const CHINA = readFileSync(join(ROOT, 'data/china.json'), 'utf8');
// English interface phrases long enough not to be content.
// (Those a language writes the same, "Contribution" in French, are left out.)
const phrases = (words) => Object.entries(EN).filter(([k, v]) => !k.startsWith('@') && typeof v === 'string'
  && v.length >= 12 && !v.includes('{') && !CHINA.includes(v) && words[k] !== v).map(([, v]) => v);

const root = (page) => page.locator('main#app .ilo-factsheet').first();
const rootAttrs = (page) => root(page).evaluate((el) => ({ lang: el.lang, dir: el.dir }));
const visibleText = (page) => page.evaluate(() => appRoot().querySelector('.ilo-factsheet').innerText);

for (const [lang, dir] of [['fr', 'ltr'], ['es', 'ltr'], ['zh', 'ltr'], ['ar', 'rtl']]) {
  test(`?lang=${lang}: every view in ${lang}, no English interface words, lang and dir set`, async () => {
    const words = catalogue(lang);
    for (const view of ['full', 'projects', 'timeline', 'map', 'funding']) {
      const page = await ctx.open(`?lang=${lang}&view=${view}`);
      if (view === 'map') await page.waitForSelector('main#app svg.map-svg');
      assert.deepEqual(await rootAttrs(page), { lang, dir }, view);
      const text = await visibleText(page);
      const left = phrases(words).filter((p) => text.includes(p));
      assert.deepEqual(left, [], `${view}: English left`);
      assert.ok(text.includes(words.ViewFull), `${view}: the tab ${words.ViewFull}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the host page keeps its own lang');
      await page.close();
    }
  });
}

test('numbers, amounts and dates are written for the language by Intl', async () => {
  const fr = await ctx.open('?lang=fr&view=funding');
  const totals = await fr.locator('main#app .funding-totals').innerText();
  assert.match(totals, /13,2\s*millions de dollars/, totals);
  const published = await fr.locator('main#app .published').innerText();
  assert.equal(published.trim(), 'juillet 2026');
  const zh = await ctx.open('?lang=zh');
  assert.equal((await zh.locator('main#app .published').innerText()).trim(), '2026年7月');
  const ar = await ctx.open('?lang=ar&view=funding');
  const arTotals = await ar.locator('main#app .funding-totals').innerText();
  assert.match(arTotals, /13\.2/, 'Arabic with the digits the sheet prints');
  assert.match(arTotals, /مليون دولار/, arTotals);
});

test('the browser\'s language is taken when the page asks for none, English when it speaks none of ours', async () => {
  const fr = await ctx.open('', { locale: 'fr-FR' });
  assert.equal((await rootAttrs(fr)).lang, 'fr');
  const { meta } = JSON.parse(CHINA);
  const title = catalogue('fr').DocumentTitleSub.replace('{title}', meta.title).replace('{subtitle}', meta.subtitle);
  assert.equal(await fr.evaluate(() => document.title), title, 'the page is named in French too');
  const de = await ctx.open('', { locale: 'de-DE' });
  assert.equal((await rootAttrs(de)).lang, 'en');
  const asked = await ctx.open('?lang=en', { locale: 'es-ES' });
  assert.equal((await rootAttrs(asked)).lang, 'en', '?lang= wins over the browser');
  const tw = await ctx.open('', { locale: 'zh-TW' });
  assert.equal((await rootAttrs(tw)).lang, 'en', 'Traditional Chinese is not taken for Simplified');
});

test('the switcher changes the language in place and in the URL, and back', async () => {
  const page = await ctx.open('?view=funding&theme=skills');
  const select = page.locator('main#app .language select');
  assert.equal(await select.inputValue(), 'en');
  await select.selectOption('ar');
  await page.waitForFunction(() => appRoot().querySelector('.ilo-factsheet')?.dir === 'rtl', null, { timeout: TIMEOUT });
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('lang'), 'ar');
  assert.equal(url.searchParams.get('theme'), 'skills', 'the filters stay');
  assert.equal(url.searchParams.get('view'), 'funding');
  assert.equal(await page.locator('main#app .language select').inputValue(), 'ar');
  await page.locator('main#app .language select').selectOption('en');
  await page.waitForFunction(() => appRoot().querySelector('.ilo-factsheet')?.dir === 'ltr', null, { timeout: TIMEOUT });
  assert.ok((await visibleText(page)).includes(EN['funding.Heading']));
  // Back to Arabic: its catalogue was read already, and is not fetched again.
  const fetched = () => page.requests.filter((u) => /ilo-factsheet-i18n-ar-/.test(u)).length;
  const before = fetched();
  await page.locator('main#app .language select').selectOption('ar');
  await page.waitForFunction(() => appRoot().querySelector('.ilo-factsheet')?.dir === 'rtl', null, { timeout: TIMEOUT });
  assert.equal(fetched(), before, 'the Arabic catalogue is read once a page');
  assert.deepEqual(page.errors, []);
});

test('Arabic lays out right to left at 320 px: charts mirrored, nothing wider than the screen', async () => {
  for (const view of ['full', 'funding', 'map', 'timeline']) {
    const page = await ctx.open(`?lang=ar&view=${view}`, { viewport: { width: 320, height: 700 } });
    if (view === 'map') await page.waitForSelector('main#app svg.map-svg');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${view}: the page is ${overflow} px wider than the screen`);
    if (view === 'funding') {
      // Each bar ends at the label column's edge on the right and grows leftwards.
      const bars = await page.$$eval('main#app figure:not(.chart-time) svg.chart', (svgs) => svgs.map((svg) => {
        const w = svg.viewBox.baseVal.width;
        const rects = [...svg.querySelectorAll('.bar-rect')].map((r) => [r.x.baseVal.value, r.width.baseVal.value]);
        const labels = [...svg.querySelectorAll('text.label')].map((t) => t.getBBox());
        return { w, rects, labels: labels.map((b) => [b.x, b.x + b.width]) };
      }));
      assert.ok(bars.length >= 2);
      for (const { w, rects, labels } of bars) {
        const ends = new Set(rects.map(([x, width]) => Math.round(x + width)));
        assert.ok(rects.every(([x]) => x >= -0.5), 'no bar starts left of the chart');
        assert.ok(ends.size <= 2, `bars share their right end: ${[...ends]}`);
        assert.ok(labels.every(([l, r]) => l >= -1 && r <= w + 1), `labels inside the chart: ${JSON.stringify(labels)} in ${w}`);
      }
    }
    await page.screenshot({ path: join(ROOT, `target/i18n-ar-${view}-320.png`), fullPage: false });
    await page.close();
  }
});

test('before the wasm, a reader of another language reads the copy prerendered in theirs, never the English one', async (t) => {
  const es = catalogue('es');
  // Our page, a Spanish browser: the wasm is held back, the Spanish copy shows.
  const page = await ctx.page({ locale: 'es-ES' });
  await page.route('**/*.wasm', () => {}); // never answered
  await page.goto(ctx.server.url);
  await page.waitForSelector('main#app [data-ilo-prerendered] .ilo-factsheet[lang="es"] h1');
  const copy = await page.evaluate(() => appRoot().querySelector('[data-ilo-prerendered]').innerText);
  assert.ok(copy.includes(es.ViewFull) && copy.includes(es.SkipToContent) && copy.includes('julio de 2026'), copy.slice(0, 300));
  assert.equal(await page.evaluate(() => appRoot().querySelectorAll('[data-ilo-prerendered] .ilo-factsheet[lang="en"]').length), 0);
  // Arabic on another view: that view's Arabic copy, right to left.
  const ar = await ctx.page();
  await ar.route('**/*.wasm', () => {});
  await ar.goto(`${ctx.server.url}?view=timeline&lang=ar`);
  await ar.waitForSelector('main#app [data-ilo-prerendered] .ilo-factsheet[lang="ar"][dir="rtl"] .timeline');
  // An embed with data-lang="zh": its Chinese copy at once, then the live widget in Chinese.
  const dir = mkdtempSync(join(tmpdir(), 'ilo-host-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <link rel="icon" href="data:,"><script type="module" src="${ctx.server.url}embed.js"></script></head>
    <body><div data-ilo-factsheet data-view="projects" data-lang="zh"></div></body></html>`);
  const served = await serveDir(dir);
  t.after(async () => { await served.close(); rmSync(dir, { recursive: true, force: true }); });
  ctx.hosts.push(served);
  const host = await ctx.page();
  await host.goto(served.url);
  await host.waitForFunction(() => document.querySelector('[data-ilo-factsheet]')?.matches('[data-ilo-ready]')
    && document.querySelector('[data-ilo-factsheet]').shadowRoot.querySelector('.ilo-factsheet[lang="zh"] .project-card'), null, { timeout: TIMEOUT });
  const text = await host.evaluate(() => document.querySelector('[data-ilo-factsheet]').shadowRoot.querySelector('.ilo-factsheet').innerText);
  assert.ok(text.includes(catalogue('zh').FullSheet), text.slice(0, 200));
});

test('the editors\' preview page speaks the reader\'s language too, its report and messages included', async () => {
  const fr = catalogue('fr');
  const page = await ctx.page({ locale: 'fr-FR' });
  await page.goto(new URL('preview.html', ctx.server.url).href);
  const input = '[data-ilo-preview] input[type="file"]';
  await page.waitForSelector(input, { state: 'attached' });
  const shadow = (sel) => page.evaluate((s) => document.querySelector('[data-ilo-preview]').shadowRoot.querySelector(s)?.textContent ?? '', sel);
  assert.equal((await shadow('h1')).trim(), fr['preview.Title']);
  const broken = JSON.parse(CHINA);
  broken.projects[0].funding.amount_usd = -5;
  await page.setInputFiles(input, { name: 'k.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken, null, 2)) });
  await page.waitForFunction(() => document.querySelector('[data-ilo-preview]').shadowRoot.querySelector('.pv-verdict')?.textContent.startsWith('k.json'));
  const verdict = await shadow('.pv-verdict');
  assert.ok(verdict.includes(fr['preview.Errors'].one.replace('{n}', '1')), verdict);
  await page.waitForSelector('[data-ilo-preview] .ilo-factsheet[lang="fr"] h1');
});

test('a handler speaks the widget\'s language: the map\'s search says what it found in Spanish', async () => {
  const es = catalogue('es');
  const page = await ctx.open('?lang=es&view=map');
  await page.waitForSelector('main#app svg.map-svg');
  await page.locator('main#app form.map-find input[type="search"]').fill('Kenya');
  await page.locator('main#app form.map-find button').click();
  const status = es['map.Found'].replace('{name}', 'Kenya');
  await page.waitForFunction((s) => appRoot().textContent.includes(s), status);
});
