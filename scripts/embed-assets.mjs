// Trunk post_build hook (Trunk.toml [[hooks]]): writes what embedding needs
// into the staging folder, next to Trunk's hashed wasm and JS glue.
//
//   ilo-factsheet-<hash>.css  the widget's stylesheet: public/style/ files in
//                             STYLES order, comments and spare spaces removed,
//                             named by its content (cached for good)
//   embed.js                  public/embed.js with the hashed names filled in
//                             (a stable name: hosts link to it)
//   embed.html                public/embed.html (the iframe page) with the
//                             hashed name of Trunk's page stylesheet
//
// and a preload of the stylesheet in index.html; then, beside every file of
// the build at the top level (pages, scripts, stylesheets, the wasm), `.gz`
// and `.br` copies for servers that send precompressed files. Not under
// data/: editors replace those files, and a stale compressed copy would be
// served in their place. The hashed names of the wasm
// and its glue come from the <meta name="ilo-factsheet-wasm"> Trunk wrote
// into index.html (Trunk.toml pattern_script).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const STYLES = ['main.css', 'funding.css', 'map.css', 'embed.css'];

const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('embed-assets: TRUNK_STAGING_DIR is not set (run me from trunk)');

const indexFile = join(staging, 'index.html');
let index = readFileSync(indexFile, 'utf8');
const meta = index.match(/<meta name="ilo-factsheet-wasm"[^>]*>/)?.[0];
const attr = (name) => meta?.match(new RegExp(`data-${name}="([^"]+)"`))?.[1]?.replace(/^\.\//, '');
const js = attr('js');
const wasm = attr('wasm');
if (!js || !wasm) throw new Error('embed-assets: no <meta name="ilo-factsheet-wasm" data-js data-wasm> in index.html');

const css = STYLES.map((name) => readFileSync(join(source, 'public/style', name), 'utf8'))
  .join('\n')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};,])\s*/g, '$1')
  .trim();
const cssName = `ilo-factsheet-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
writeFileSync(join(staging, cssName), css + '\n');

const files = JSON.stringify({ js, wasm, css: cssName });
const embed = readFileSync(join(source, 'public/embed.js'), 'utf8');
const marker = /\/\*ILO_FILES\*\/\{[^}]*\}/;
if (!marker.test(embed)) throw new Error('embed-assets: public/embed.js has no /*ILO_FILES*/{…} to fill in');
writeFileSync(join(staging, 'embed.js'), embed.replace(marker, files));
const pageCss = index.match(/href="(?:\.\/)?(page-[0-9a-f]+\.css)"/)?.[1];
if (!pageCss) throw new Error('embed-assets: no page-<hash>.css linked from index.html');
const frame = readFileSync(join(source, 'public/embed.html'), 'utf8');
if (!frame.includes('ILO_PAGE_CSS')) throw new Error('embed-assets: public/embed.html has no ILO_PAGE_CSS to fill in');
writeFileSync(join(staging, 'embed.html'), frame.replace('ILO_PAGE_CSS', pageCss));

// Our own page fetches the stylesheet while the wasm downloads.
const preload = `<link rel="preload" href="${cssName}" as="fetch" crossorigin="anonymous">`;
if (!index.includes(preload)) writeFileSync(indexFile, index.replace('</head>', `${preload}\n</head>`));

// Precompressed copies, at the strongest settings (done once per build).
let packed = 0;
for (const name of readdirSync(staging)) {
  if (!/\.(html|js|css|wasm)$/.test(name)) continue;
  const body = readFileSync(join(staging, name));
  writeFileSync(join(staging, `${name}.gz`), gzipSync(body, { level: 9 }));
  writeFileSync(join(staging, `${name}.br`), brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  packed++;
}
console.log(`embed-assets: embed.js → ${js}, ${wasm}, ${cssName} (${css.length} bytes); ${packed} files precompressed`);
