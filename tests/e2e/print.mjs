// `make print`: the built report printed to A4 PDF files by headless Chromium,
// as a visitor's "Print" would (print media, the page's @page size), into
// target/print/: the full report of the bundled sheet, the same filtered, and
// every view of the Republic of Korea's sheet in one file each. Prints each
// file's page count; look at the files.
//
//   node tests/e2e/print.mjs [OUT_DIR]

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TIMEOUT, launch, newPage, serveDist } from './helpers.mjs';

/** Pages in a PDF file's bytes (its page objects). */
export function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The report at `query` printed to PDF bytes (and to `path`, if given). */
export async function printReport(browser, base, query, path) {
  const page = await newPage(browser, { viewport: { width: 1200, height: 900 } });
  try {
    await page.goto(new URL(query, base).href);
    await page.waitForSelector('main#app[data-ilo-ready] .fs-header h1, main#app[data-ilo-ready] [role="alert"]', { timeout: TIMEOUT });
    if (/view=map/.test(query)) await page.waitForSelector('main#app .map-svg .country path', { timeout: TIMEOUT });
    if (/view=funding/.test(query)) await page.waitForSelector('main#app #funding-items svg.chart', { timeout: TIMEOUT });
    return await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.context().close();
  }
}

const RUNS = [
  ['factsheet', ''],
  ['factsheet-skills', '?theme=skills'],
  ['korea', '?data=data/korea.json'],
  ['korea-map', '?data=data/korea.json&view=map'],
  ['korea-funding', '?data=data/korea.json&view=funding'],
  ['factsheet-ar', '?lang=ar'],
  ['factsheet-zh-funding', '?lang=zh&view=funding'],
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? join(ROOT, 'target/print');
  mkdirSync(out, { recursive: true });
  const server = await serveDist();
  const browser = await launch();
  try {
    for (const [name, query] of RUNS) {
      const file = join(out, `${name}.pdf`);
      const pdf = await printReport(browser, server.url, query, file);
      console.log(`${file}: ${pageCount(pdf)} A4 pages (${query || 'the full report'})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
