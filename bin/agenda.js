#!/usr/bin/env node
// Thin launcher: the CLI is compiled and bundled into dist/ by `npm run build` (run by
// `npm install` through `prepare`); dist/agenda.js is the bundle, see scripts/bundle.js.
import { main } from '../dist/agenda.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
