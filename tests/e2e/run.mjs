// Runs every e2e test file against dist/: starts one shared static server
// (for tests that only read, via E2E_BASE_URL), then `node --test` on this
// folder's *.test.mjs files, one at a time.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveDist } from './harness.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => here + f);
const server = await serveDist();
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: server.url },
});
await server.close();
process.exit(result.status ?? 1);
