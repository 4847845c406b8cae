// Trunk post_build hook (Trunk.toml [[hooks]]): builds the wasm (Trunk skips
// its rust asset: scripts/build-wasm.mjs splits it into a main part and
// chunks fetched on demand, all named by content) and writes what embedding
// needs into the staging folder.
//
//   ilo-factsheet-<hash>.css  the widget's stylesheet: public/style/ files in
//                             STYLES order, comments and spare spaces removed,
//                             named by its content (cached for good)
//   embed.js                  public/embed.js with the hashed names and the
//                             widget's rules (protocol.json, which the Rust
//                             core writes: embed::Protocol) filled in,
//                             comment lines left out (a stable name: hosts
//                             link to it)
//   embed.html                public/embed.html (the iframe page) with the
//                             hashed name of Trunk's page stylesheet
//   preview.html              public/preview.html (the editors' preview
//                             page), the same way
//   ilo-preview-<hash>.css    public/style/preview.css, the preview page's
//                             own stylesheet (embed.js adopts it there only)
//   ilo-factsheet-<view>-<hash>.html
//                             each view of the bundled sheet prerendered as a
//                             script embed naming only it shows it, inserted
//                             by embed.js at once (no wasm needed to read it)
//   ilo-factsheet-page-<view>-<hash>.html
//                             the same for our page opened on that view
//   ilo-factsheet-[page-]<view>-<lang>-<hash>.html
//                             the same in each other interface language (our
//                             page's full report too: index.html has English)
//   ilo-factsheet-i18n-<lang>-<hash>.json
//                             the interface catalogues but English's (built
//                             into the wasm), i18n/<lang>.json minified:
//                             fetched by a widget that speaks the language
//
// and, in index.html, the report of the bundled sheet prerendered into the
// widget's declarative shadow root (<!--ILO_PRERENDER-->), readable before
// the wasm arrives and without JavaScript; the live widget replaces it once
// drawn. The prerendering is the app's own components rendered natively
// (`cargo run --features ssr --bin snapshot -- --parts`). Nothing in
// index.html preloads the wasm or its glue: embed.js asks for them once the
// prerendered page has painted. Then, beside every file of
// the build at the top level (pages, scripts, stylesheets, the wasm), `.gz`
// and `.br` copies for servers that send precompressed files. Not under
// data/: editors replace those files, and a stale compressed copy would be
// served in their place.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { buildWasm } from './build-wasm.mjs';

const STYLES = ['main.css', 'funding.css', 'map.css', 'embed.css'];
const DATA = 'data/china.json';

const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('embed-assets: TRUNK_STAGING_DIR is not set (run me from trunk)');

const indexFile = join(staging, 'index.html');
let index = readFileSync(indexFile, 'utf8');
// The wasm, split (scripts/build-wasm.mjs): the main part and its glue, the
// loader of the chunks and the chunks, written here under hashed names.
// ILO_FEATURES: the cargo features of the build (the Makefile's panic-dist).
// ILO_TEST_BUILD: a build for the browser tests only (the Makefile's
// panic-dist), never deployed: no wasm-opt and no precompressed copies, the
// two slowest steps after the compiler's.
const testBuild = Boolean(process.env.ILO_TEST_BUILD);
const release = process.env.TRUNK_PROFILE === 'release';
const { js, wasm, chunks } = buildWasm({
  source, out: staging, release, optimize: release && !testBuild, features: process.env.ILO_FEATURES || 'web',
});

// Comments and spare spaces out.
const minify = (names) => names.map((name) => readFileSync(join(source, 'public/style', name), 'utf8'))
  .join('\n')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};,])\s*/g, '$1')
  .trim();
const hashed = (prefix, body, ext) => `${prefix}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.${ext}`;
const css = minify(STYLES);
const cssName = hashed('ilo-factsheet', css, 'css');
writeFileSync(join(staging, cssName), css + '\n');
const previewCss = minify(['preview.css']);
const previewCssName = hashed('ilo-preview', previewCss, 'css');
writeFileSync(join(staging, previewCssName), previewCss + '\n');

// The app's components render the bundled sheet natively (a native build of
// the `ssr` feature; quick once `make unit` has built it).
const partsDir = join(source, 'target/prerender');
execFileSync('cargo', ['run', '--quiet', '--offline', '--features', 'ssr', '--bin', 'snapshot', '--',
  join(source, DATA), '--parts', partsDir], { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
const part = (name) => readFileSync(join(partsDir, `${name}.html`), 'utf8');
// The widget's rules embed.js must know, as the Rust core states them
// (embed::Protocol): filled into embed.js below; its views, in the tabs' order, here.
const protocol = readFileSync(join(partsDir, 'protocol.json'), 'utf8').trim();
const VIEWS = JSON.parse(protocol).views;
// The interface languages' catalogues (English is in the wasm).
const i18n = Object.fromEntries(readdirSync(join(source, 'i18n'))
  .filter((name) => /^[a-z]{2}\.json$/.test(name) && name !== 'en.json')
  .map((name) => {
    const lang = name.slice(0, 2);
    const body = JSON.stringify(JSON.parse(readFileSync(join(source, 'i18n', name), 'utf8')));
    const file = hashed(`ilo-factsheet-i18n-${lang}`, body, 'json');
    writeFileSync(join(staging, file), body);
    return [lang, file];
  }));

// Each view as an embed naming it shows it, and as our page shows it when
// opened on that view (`?view=map`; the full report is in index.html), in
// every interface language: { en: { map: hash, … }, fr: { full: hash, … } }
// (embed.js writes the file's name, ilo-factsheet-[page-]<view>[-<lang>]-<hash>.html:
// its every byte is the hosts').
const fragments = (prefix, names, suffix) => Object.fromEntries(names.map((view) => {
  const name = `${prefix ? `${prefix}-` : ''}${view}${suffix}`;
  const file = hashed(`ilo-factsheet-${name}`, part(name), 'html');
  writeFileSync(join(staging, file), part(name));
  return [view, file.slice(-'0123456789abcdef.html'.length, -'.html'.length)];
}));
const views = {};
const pages = {};
for (const lang of ['en', ...Object.keys(i18n)]) {
  const suffix = lang === 'en' ? '' : `-${lang}`;
  views[lang] = fragments('', VIEWS, suffix);
  // index.html holds our page's full report in English; other languages fetch theirs.
  pages[lang] = fragments('page', lang === 'en' ? VIEWS.slice(1) : VIEWS, suffix);
}

const files = JSON.stringify({ js, wasm, css: cssName, preview: previewCssName, views, pages, i18n });
let embed = readFileSync(join(source, 'public/embed.js'), 'utf8');
for (const [marker, value] of [[/\/\*ILO_FILES\*\/\{[^}]*\}/, files], [/\/\*ILO_PROTOCOL\*\/\{\}/, protocol]]) {
  if (!marker.test(embed)) throw new Error(`embed-assets: public/embed.js has no ${marker.source} to fill in`);
  embed = embed.replace(marker, () => value);
}
// Shipped without its comment lines, indentation and blank lines (the source
// keeps them; no string of it spans lines): every host pays for its bytes.
const shipped = embed.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('//')).join('\n');
writeFileSync(join(staging, 'embed.js'), `// ilo-factsheet embed.js: see the project's README, "Embed on your site".\n${shipped}`);
const pageCss = index.match(/href="(?:\.\/)?(page-[0-9a-f]+\.css)"/)?.[1];
if (!pageCss) throw new Error('embed-assets: no page-<hash>.css linked from index.html');
for (const page of ['embed.html', 'preview.html']) {
  const html = readFileSync(join(source, 'public', page), 'utf8');
  if (!html.includes('ILO_PAGE_CSS')) throw new Error(`embed-assets: public/${page} has no ILO_PAGE_CSS to fill in`);
  writeFileSync(join(staging, page), html.replace('ILO_PAGE_CSS', pageCss));
}

// Our page is named for the bundled sheet (the widget renames it for another).
const sheet = JSON.parse(readFileSync(join(source, DATA), 'utf8')).meta ?? {};
const escape = (text) => String(text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const docTitle = [sheet.title, sheet.subtitle].filter((x) => x?.trim()).join(': ');
if (!index.includes('<title>ILO fact sheet</title>') || !index.includes('ILO_DESCRIPTION')) {
  throw new Error('embed-assets: index.html has no <title>ILO fact sheet</title> or ILO_DESCRIPTION to fill in');
}
index = index.replace('<title>ILO fact sheet</title>', () => `<title>${escape(docTitle ? `${docTitle} — fact sheet` : 'ILO fact sheet')}</title>`)
  .replace('ILO_DESCRIPTION', () => escape(`${docTitle || 'An ILO country fact sheet'}. The cooperation, projects, map and funding, as an interactive fact sheet.`));

// Our own page: the report in the widget's shadow root, with its stylesheet
// (render-blocking there, so never unstyled) and the skeleton embed.js shows
// instead when the URL asks for another state than the default.
const MARK = '<!--ILO_PRERENDER-->';
if (!index.includes(MARK)) throw new Error(`embed-assets: index.html has no ${MARK} in the widget element`);
index = index.replace(MARK, () => `<template shadowrootmode="open"><link rel="stylesheet" href="${cssName}">`
  + `<div data-ilo-prerendered>${part('page')}</div><template data-ilo-skeleton>${part('skeleton')}</template></template>`);
// The wasm waits for the first paint (embed.js): no preload competes with it.
index = index.replace(/<link data-trunk rel="rust"[^>]*>\s*/, '').replace(/<link rel="modulepreload"[^>]*>/g, '').replace(/<link rel="preload"[^>]*type="application\/wasm"[^>]*>/g, '');
if (/\.wasm"/.test(index)) throw new Error('embed-assets: a wasm preload is left in index.html');
writeFileSync(indexFile, index);

// Precompressed copies, at the strongest settings (done once per build).
let packed = 0;
for (const name of testBuild ? [] : readdirSync(staging)) {
  if (!/\.(html|js|css|wasm|json)$/.test(name)) continue;
  const body = readFileSync(join(staging, name));
  writeFileSync(join(staging, `${name}.gz`), gzipSync(body, { level: 9 }));
  writeFileSync(join(staging, `${name}.br`), brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  packed++;
}
console.log(`embed-assets: embed.js → ${js}, ${wasm} (+ ${chunks.join(', ')}), ${cssName} (${css.length} bytes); ${packed} files precompressed`);
