#!/usr/bin/env node
// Thin launcher: load the TypeScript sources through tsx, then hand over to the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
