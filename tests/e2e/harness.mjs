// Kept for older test files (funding.test.mjs): the same helpers as
// server.mjs and helpers.mjs. New tests import from './helpers.mjs'.
export { ROOT, DIST, serveDist, serveDir } from './server.mjs';
export { CHINA, CHINA_TEXT, launch, newPage, openReport, assertLocalOnly, useBrowser } from './helpers.mjs';
