#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled into dist/ by `npm run build` (run by
// `npm install` through `prepare`); dist/agenda.js is the bundle, see scripts/bundle.js.
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the bundle on disk between runs (a cold start
// 19 to 25 % shorter); Node 20 has no such cache and goes on without it. Called before the
// bundle is imported, so that its modules are compiled through the cache.
module.enableCompileCache?.();
const { main } = await import('../dist/agenda.js');

main(process.argv).then((code) => {
  process.exitCode = code;
});
