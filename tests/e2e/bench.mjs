// `make bench`: sizes of the built site and load timings in headless Chromium.
// Numbers to read, not to pass or fail (timings vary with the machine).

import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';
import { serveDist, launch, newPage, DIST } from './harness.mjs';

const RUNS = Number(process.env.RUNS ?? 5);

console.log('asset sizes (bytes)');
for (const f of readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f))) {
  const bytes = readFileSync(join(DIST, f));
  console.log(`  ${f.padEnd(48)} raw ${String(bytes.length).padStart(8)}  gzip ${String(gzipSync(bytes, { level: 9 }).length).padStart(8)}  brotli ${String(brotliCompressSync(bytes).length).padStart(8)}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serveDist();
const browser = await launch();
const timings = { firstSection: [], filter: [] };
for (let i = 0; i < RUNS; i++) {
  const page = await newPage(browser);
  const start = Date.now();
  await page.goto(server.url);
  await page.waitForSelector('section.fs-section');
  timings.firstSection.push(Date.now() - start);
  const t0 = Date.now();
  await page.check('input[name="theme"][value="social-protection"]');
  await page.waitForURL(/theme=social-protection/);
  timings.filter.push(Date.now() - t0);
  await page.context().close();
}
await browser.close();
await server.close();
console.log(`navigation to first section rendered: median ${median(timings.firstSection)} ms of ${RUNS} runs (${timings.firstSection.join(', ')})`);
console.log(`theme filter click to URL updated:   median ${median(timings.filter)} ms (${timings.filter.join(', ')})`);
