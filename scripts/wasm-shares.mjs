// What the wasm's code bytes are spent on, by crate: twiggy's list of every
// function and data segment of the release build (before wasm-bindgen and
// wasm-opt, so names are kept; wasm-bindgen's descriptor functions, which it
// removes, left out), summed by the crate a name starts with.
// Generic code is counted where it was instantiated from, as its name says
// (`<tachys::... as ...>::build` counts for tachys). Shares, not exact bytes:
// wasm-opt then shrinks everything by about a third.
// Usage: node scripts/wasm-shares.mjs [--show CRATE] [path/to/ilo-factsheet-web.wasm]

import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? args.splice(showAt, 2)[1] : null; // --show CRATE: its largest names
const wasm = args[0] ?? 'target/wasm32-unknown-unknown/release/ilo-factsheet-web.wasm';
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], { maxBuffer: 1 << 28 }).toString();
const rows = csv.trim().split('\n').slice(1).map((line) => {
  const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
  return m ? { name: m[1].replace(/^"|"$/g, '').replace(/""/g, '"'), size: Number(m[2]) } : null;
}).filter(Boolean);

const crateOf = (raw) => {
  // Metadata, and wasm-bindgen's descriptors: both gone from the shipped file.
  if (/function names|custom section|producers|name section|^(export ")?__wbindgen_describe/.test(raw)) return null;
  if (/^(export|import) "|^(type|table|elem|global|memory)\[/.test(raw)) return '(wasm imports, exports, tables)';
  if (raw.startsWith('data segment')) return '(data: strings, tables)';
  const name = raw.replace(/\[[0-9a-f]+\]/g, ''); // core[c593…]::fmt → core::fmt
  // `<T as tachys::…>::f`: a generic's code counts for the trait's crate;
  // `<leptos::X as core::…>::f` for the type's.
  const as = name.match(/^<&?(?:mut )?(\S+) as (?:dyn )?([A-Za-z_]\w*)::/);
  if (as) return as[1].match(/^([a-z_]\w*)::/)?.[1] ?? as[2];
  const path = name.replace(/^[<&*\s]+|^(dyn |mut )+/g, '').match(/^([a-z_]\w*)::/);
  if (path) return path[1];
  if (/^<?(str|char|\[|f64|f32|u\d|i\d|usize|isize|bool)/.test(name)) return 'core';
  return '(wasm-bindgen glue, unnamed)';
};

const by = new Map();
const shown = [];
let total = 0;
for (const { name, size } of rows) {
  const crate = crateOf(name);
  if (!crate) continue;
  total += size;
  by.set(crate, (by.get(crate) ?? 0) + size);
  if (crate === show) shown.push([size, name]);
}
const sorted = [...by].sort((a, b) => b[1] - a[1]);
console.log(`code and data of ${wasm}: ${total} bytes before wasm-opt`);
for (const [crate, size] of sorted.slice(0, 25)) {
  console.log(`${crate.padEnd(36)} ${String(size).padStart(9)} ${(100 * size / total).toFixed(1).padStart(5)} %`);
}
const rest = sorted.slice(25).reduce((n, [, s]) => n + s, 0);
if (rest) console.log(`${'(the rest)'.padEnd(36)} ${String(rest).padStart(9)} ${(100 * rest / total).toFixed(1).padStart(5)} %`);
if (show) for (const [size, name] of shown.sort((a, b) => b[0] - a[0]).slice(0, 20)) console.log(size, name.slice(0, 140));
