// A tiny static file server for the browser tests (node:http only).
//
// serveDist() copies dist/ to a fresh temporary folder and serves that copy on
// 127.0.0.1 at a free port, so a test may add, replace or remove files
// (put/remove) without touching dist/ or other tests. Missing files are 404s,
// never index.html, and .wasm is served as application/wasm.
//
// By hand: `node tests/e2e/server.mjs [dir] [port]` serves dir (default dist/)
// in place, e.g. to look at a release build in a browser.

import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = resolve(process.env.DIST ?? join(ROOT, 'dist'));

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 (a free port unless `port` is given).
 * `headers` are added to every 200 response (e.g. a Content-Security-Policy):
 * an object, or a function of the request path giving one. `gzip: true`
 * sends compressed bodies to clients that accept them, as a real server
 * would: a precompressed `.br` or `.gz` beside the file when there is one,
 * else text, JSON and wasm gzipped on the fly (`make bench` measures over it).
 * Returns { url, port, dir, requests, put, remove, read, route, close }:
 * `requests` lists every path asked for; `put(rel, text|Buffer)` adds or
 * replaces a file; `remove(rel)` deletes one; `route(path, handler)` answers
 * one path (as requested, e.g. '/data/x.json') with `handler(req, res)`
 * instead of a file (a redirect, a stream).
 */
export async function serveDir(root, { port = 0, headers = {}, gzip = false } = {}) {
  const dir = resolve(root);
  const requests = [];
  const routes = new Map();
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    requests.push(path);
    const route = routes.get(new URL(req.url, 'http://127.0.0.1').pathname);
    if (route) {
      route(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    let file = resolve(dir, '.' + path);
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('not found');
      return;
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    // As a static server with precompressed files would: the `.br` or `.gz`
    // beside the file when the client takes it, else gzip on the fly.
    const accepts = gzip ? (req.headers['accept-encoding'] ?? '') : '';
    const sibling = ['br', 'gzip'].find((e) => accepts.includes(e) && existsSync(`${file}.${e === 'br' ? 'br' : 'gz'}`));
    const squeeze = !sibling && /gzip/.test(accepts) && /text|json|javascript|wasm|svg/.test(type);
    const body = sibling
      ? readFileSync(`${file}.${sibling === 'br' ? 'br' : 'gz'}`)
      : squeeze ? gzipSync(readFileSync(file), { level: 9 }) : readFileSync(file);
    const encoding = sibling ?? (squeeze ? 'gzip' : null);
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(typeof headers === 'function' ? headers(path) : headers),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const actualPort = server.address().port;
  const inside = (rel) => {
    const file = resolve(dir, rel);
    if (!file.startsWith(dir + sep)) throw new Error(`${rel} is outside the served folder`);
    return file;
  };
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    dir,
    requests,
    put(rel, content) {
      const file = inside(rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
    remove(rel) { rmSync(inside(rel), { force: true, recursive: true }); },
    route(path, handler) { routes.set(path, handler); },
    read(rel) { return readFileSync(inside(rel), 'utf8'); },
    close() {
      server.closeAllConnections?.();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

/** Serves a fresh temporary copy of dist/ (removed again by close()). */
export async function serveDist({ dist = DIST, headers, gzip } = {}) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing: run \`make dist\` first`);
  const copy = mkdtempSync(join(tmpdir(), 'ilo-e2e-'));
  cpSync(dist, copy, { recursive: true });
  const served = await serveDir(copy, { headers, gzip });
  const close = served.close;
  served.close = async () => {
    await close();
    rmSync(copy, { recursive: true, force: true });
  };
  return served;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const served = await serveDir(process.argv[2] ?? DIST, { port: Number(process.argv[3] ?? 0) });
  console.log(`serving ${served.dir} at ${served.url} (Ctrl-C stops)`);
}
