import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageEntries, ROOT } from '../support/package-entries.ts';

/**
 * Heavy dependencies load only where they are used: each entry point's import is traced in a
 * fresh Node process (every module resolution, through a loader hook) and must not load the
 * packages listed for it. Speed itself is measured by `npm run bench` (bench/import.bench.ts).
 */
const HEAVY = ['@pact-foundation/pact', 'msw', 'fast-check', 'zod'];
const FORBIDDEN: Record<string, string[]> = {
  // Prometheus and the latency histogram load when a registry / a client is made.
  faultline: [...HEAVY, 'prom-client', 'hdr-histogram-js'],
  'faultline/proxy': HEAVY,
  'faultline/report': ['@pact-foundation/pact', 'msw', 'fast-check'],
  'faultline/vitest': ['@pact-foundation/pact', 'fast-check'],
};

async function packagesLoadedBy(source: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx/esm', path.join(ROOT, 'test/support/trace-imports.mjs'), path.join(ROOT, source)],
    { cwd: ROOT },
  );
  return JSON.parse(stdout) as string[];
}

describe('what importing an entry point loads', () => {
  for (const entry of packageEntries().filter((e) => FORBIDDEN[e.specifier])) {
    it(`${entry.specifier} loads none of ${FORBIDDEN[entry.specifier]!.join(', ')}`, async () => {
      const loaded = await packagesLoadedBy(entry.source);
      expect(loaded.length).toBeGreaterThan(0); // the trace sees packages at all
      expect(loaded.filter((p) => FORBIDDEN[entry.specifier]!.includes(p))).toEqual([]);
    });
  }
});
