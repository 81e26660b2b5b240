import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fakeCliIo } from '../../support/fake-cli-io.ts';

const REGISTRY = `consumer: shop
services:
  catalogue:
    provider: catalogue-api
    pact: contracts/shop-catalogue-api.json
    reference: search
`;

const SCENARIO = `name: catalogue steady
service: catalogue
seed: 1
load:
  concurrency: 1
  ratePerSec: 10
  maxCalls: 20
  request: { method: GET, path: /v1/search, query: { q: shoes } }
phases:
  - name: steady
    durationMs: 1000
hypotheses:
  - successRate: { min: 0.99 }
`;

describe('faultline run --config and --reporter', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'faultline-run-config-'));
    await writeFile(path.join(cwd, 'registries.yaml'), REGISTRY);
    await writeFile(path.join(cwd, 'catalogue.yaml'), SCENARIO);
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('reads the registry given with --config and writes the reporters listed with commas', async () => {
    const io = fakeCliIo({ cwd, env: { CI: 'true' } });
    const args = ['run', 'catalogue.yaml', '--config', 'registries.yaml', '--report-dir', 'out'];
    const code = await main([...args, '--reporter', 'json,markdown'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect((await readdir(path.join(cwd, 'out'))).sort()).toEqual([
      'events.ndjson',
      'report.json',
      'summary.md',
    ]);
  });

  it('without --config the service is unknown: exit 2', async () => {
    const io = fakeCliIo({ cwd, env: { CI: 'true' } });
    expect(await main(['run', 'catalogue.yaml', '--report-dir', 'out'], io)).toBe(2);
    expect(io.err()).toContain('catalogue');
  });
});
