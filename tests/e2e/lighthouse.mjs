// `make bench`: Lighthouse 12 (npm lighthouse@12.2.3, scripts/ensure-tools.sh
// installs it; 13 needs a newer Node) with Debian's Chromium and its mobile
// preset, on the full page and on ?view=map, served as a real server would
// (precompressed copies). Prints performance, accessibility, best practices
// and SEO. Numbers to read, not pass/fail.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, serveDist } from './helpers.mjs';

const LIGHTHOUSE = process.env.LIGHTHOUSE;
if (!LIGHTHOUSE) throw new Error('lighthouse.mjs: set LIGHTHOUSE to the lighthouse binary (scripts/bench.sh does)');

const server = await serveDist({ gzip: true });
const out = mkdtempSync(join(tmpdir(), 'ilo-lighthouse-'));
try {
  console.log(`${'page'.padEnd(14)} performance accessibility best-practices seo   LCP      TBT     CLS`);
  for (const [name, query] of [['full report', ''], ['?view=map', '?view=map']]) {
    const report = join(out, 'report.json');
    // Asynchronous: the server answering Lighthouse runs in this process.
    await promisify(execFile)(LIGHTHOUSE, [
      `${server.url}${query}`, '--quiet', '--output=json', `--output-path=${report}`,
      `--chrome-flags=${[...CHROMIUM_ARGS, `--user-data-dir=${join(out, 'profile')}`].join(' ')}`,
      '--only-categories=performance,accessibility,best-practices,seo',
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 1 << 26 });
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const score = (c) => String(Math.round((r.categories[c]?.score ?? NaN) * 100)).padStart(5);
    const audit = (a) => r.audits[a]?.displayValue ?? '—';
    console.log(`${name.padEnd(14)} ${score('performance').padStart(11)} ${score('accessibility').padStart(13)} ${score('best-practices').padStart(14)} ${score('seo').padStart(5)}   ${audit('largest-contentful-paint').padEnd(8)} ${audit('total-blocking-time').padEnd(7)} ${audit('cumulative-layout-shift')}`);
  }
} finally {
  await server.close();
  rmSync(out, { recursive: true, force: true });
}
