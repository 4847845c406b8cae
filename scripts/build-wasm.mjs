// The browser build, split: what `cargo leptos --split` does, for Trunk (whose
// rust pipeline cannot split a wasm). Called by scripts/embed-assets.mjs (the
// Trunk post_build hook) before it writes embed.js; also runnable by hand:
//   node scripts/build-wasm.mjs OUT_DIR [--release] [--features web,panic-test]
//
//   1. cargo build of the web binary for wasm32, linked with --emit-relocs
//      (wasm-split needs the relocations to move code between modules);
//   2. wasm-split-cli (crates.io wasm_split_cli_support, feature build-binary):
//      each `#[lazy]` function (leptos_macro; the map view, the funding view,
//      the preview page) and the code only it reaches go into a wasm chunk of
//      their own, with a small JS loader (__wasm_split.js) the main wasm imports;
//   3. wasm-bindgen --target web on the main part (--keep-lld-exports: the
//      chunks import the main part's functions, table and memory through them);
//      the glue's one HTML sink (innerHTML, for Leptos' static template parts)
//      is routed through embed.js, which handles Trusted Types;
//   4. wasm-opt -Oz (binaryen 132) on the main part and on every chunk (release);
//   5. the files named by their content: each chunk by its own bytes; the glue
//      and the loader, which import each other, by one hash of everything.
//
// Returns { js, wasm, chunks: [names], split: name } (names relative to OUT_DIR).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const BIN = 'ilo-factsheet-web';
const TARGET = 'wasm32-unknown-unknown';
// The features binaryen must allow (the chunks carry no target_features section).
const WASM_OPT = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

const hash = (...bodies) => {
  const h = createHash('sha256');
  for (const body of bodies) h.update(body);
  return h.digest('hex').slice(0, 16);
};

// `optimize: false` (a build for tests only, ILO_TEST_BUILD) skips wasm-opt.
export function buildWasm({ source, out, release, features = 'web', optimize = release }) {
  const run = (cmd, args, env = {}) => execFileSync(cmd, args, {
    cwd: source, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env },
  });
  const profile = release ? 'release' : 'debug';
  const targetDir = resolve(source, process.env.CARGO_TARGET_DIR ?? 'target');

  // 1. The whole app as one wasm, with its relocations. The flags replace
  // .cargo/config.toml's for this target, so its --cfg is repeated here.
  run('cargo', ['build', '--offline', ...(release ? ['--release'] : []), '--target', TARGET,
    '--no-default-features', '--features', features, '--bin', BIN], {
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '--cfg erase_components -Clink-args=--emit-relocs',
  });
  const input = join(targetDir, TARGET, profile, `${BIN}.wasm`);

  // 2. Split.
  const work = join(targetDir, 'wasm-split', `${profile}-${features.replace(/\W+/g, '_')}`);
  rmSync(work, { recursive: true, force: true });
  const split = join(work, 'split');
  mkdirSync(split, { recursive: true });
  run('wasm-split-cli', [input, split, '--out-name', BIN, '--target', 'web']);

  // 3. The JS glue of the main part (split/BIN.wasm).
  const bound = join(work, 'bound');
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-dir', bound, '--out-name', BIN, join(split, `${BIN}.wasm`)]);

  // 4. Optimise.
  const mainWasm = join(bound, `${BIN}_bg.wasm`);
  const chunkFiles = readdirSync(split).filter((n) => n.endsWith('.wasm') && n !== `${BIN}.wasm`).sort();
  if (optimize) {
    // binaryen 132 (npm; the Makefile puts it first on PATH): Debian's 108
    // silently produces a broken module.
    const version = execFileSync('wasm-opt', ['--version'], { encoding: 'utf8' });
    if (!/\bversion 132\b/.test(version)) throw new Error(`build-wasm: wasm-opt is ${version.trim()}, not binaryen 132 (scripts/ensure-tools.sh wasm)`);
    for (const file of [mainWasm, ...chunkFiles.map((n) => join(split, n))]) {
      run('wasm-opt', [...WASM_OPT, file, '-o', file]);
    }
  }

  // 5. Names by content, into OUT_DIR.
  mkdirSync(out, { recursive: true });
  let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
  let glue = readFileSync(join(bound, `${BIN}.js`), 'utf8');
  // Markup the wasm sets (Leptos' static template parts) goes through
  // embed.js's `html`, which passes a Trusted Types policy on a host page
  // that enforces them (see public/embed.js); no other HTML sink is left.
  const sets = /(\w+)\.innerHTML = (getStringFromWasm0\(\w+, \w+\));/g;
  glue = glue.replace(sets, "globalThis[Symbol.for('ilo-factsheet')].html($1, $2);");
  if (/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|\.srcdoc\s*=|document\.write/.test(glue)) {
    throw new Error('build-wasm: the glue sets markup in a way embed.js does not pass through Trusted Types');
  }
  const chunks = [];
  for (const name of chunkFiles) {
    const body = readFileSync(join(split, name));
    const hashed = `${name.replace(/\.wasm$/, '')}-${hash(body)}.wasm`;
    const ref = `"./${name}"`;
    if (!loader.includes(ref)) throw new Error(`build-wasm: __wasm_split.js does not name ${name}`);
    loader = loader.split(ref).join(`"./${hashed}"`);
    writeFileSync(join(out, hashed), body);
    chunks.push(hashed);
  }
  // The loader imports initSync's module (the glue); the glue imports the
  // loader: both named by one hash of the main wasm and both texts as
  // shipped, with a placeholder where the hash goes.
  const HASH = '@ILO_WASM_HASH@';
  const glueRef = `"./${BIN}.js"`;
  // Only the import statements: the import object keeps the module name the wasm was linked with.
  const loaderRef = /(from\s*)(["'])\.\/__wasm_split\.js\2/g;
  if (!loader.includes(glueRef)) throw new Error(`build-wasm: __wasm_split.js does not import ${glueRef}`);
  if (!loaderRef.test(glue)) throw new Error('build-wasm: the glue does not import ./__wasm_split.js');
  loader = loader.split(glueRef).join(`"./${BIN}-${HASH}.js"`);
  glue = glue.replace(loaderRef, `$1"./ilo-split-${HASH}.js"`).split(`${BIN}_bg.wasm`).join(`${BIN}-${HASH}_bg.wasm`);
  const main = readFileSync(mainWasm);
  const h = hash(main, glue, loader);
  loader = loader.split(HASH).join(h);
  glue = glue.split(HASH).join(h);
  const js = `${BIN}-${h}.js`;
  const wasm = `${BIN}-${h}_bg.wasm`;
  const splitJs = `ilo-split-${h}.js`;
  writeFileSync(join(out, js), glue);
  writeFileSync(join(out, wasm), main);
  writeFileSync(join(out, splitJs), loader);
  return { js, wasm, split: splitJs, chunks };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--features');
  if (!out) throw new Error('usage: node scripts/build-wasm.mjs OUT_DIR [--release] [--features web,…]');
  const fi = args.indexOf('--features');
  const result = buildWasm({
    source: process.cwd(), out: resolve(out), release: args.includes('--release'),
    features: fi >= 0 ? args[fi + 1] : 'web',
  });
  console.log(JSON.stringify(result));
}
