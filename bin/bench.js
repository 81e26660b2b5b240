#!/usr/bin/env node
// Runs every benchmark in bench/ (see bench/index.ts) through tsx.
import { register } from 'tsx/esm/api';

register();
const { runBenchmarks } = await import('../bench/index.ts');
process.exitCode = await runBenchmarks(process.argv.slice(2));
