#!/usr/bin/env node
// Thin launcher (docs/decisions/0001-typescript-through-tsx.md). The published package has
// no src/ and runs the compiled dist/; a clone of the repository has src/ and runs the
// sources through tsx, so an edit never runs stale code and no build is needed to try it.
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(sources.href));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
