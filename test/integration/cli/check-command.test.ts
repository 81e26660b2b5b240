import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fakeCliIo } from '../../support/fake-cli-io.ts';
import { withSeededBug } from '../../support/seeded-bugs.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-check-'));
  await writeFile(
    join(dir, 'faultline.config.yaml'),
    [
      'consumer: faultline',
      'services:',
      '  tight:',
      '    provider: tight-service',
      '    pact: contracts/tight.json',
      '    slo: { maxCallMs: 500 }',
      '    client:',
      '      timeoutMs: 400',
      '      deadlineMs: 2000',
      '      retry: { maxAttempts: 2, maxDelayMs: 100 }',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('faultline check', () => {
  it('exits 0 when every property of the registry holds', async () => {
    const io = fakeCliIo();
    const code = await main(['check', '--service', 'auth', '--num-runs', '10', '--seed', '3'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toMatch(/PASS {2}auth {2}breaker model \(consecutive\): held for 10 runs/);
    expect(io.out()).toMatch(/0 failed \(seed 3, 10 runs per property\)/);
  });

  it('exits 1 and names service, property and why when a check fails', async () => {
    const io = fakeCliIo({ cwd: dir });
    const code = await main(['check', '--num-runs', '5', '--seed', '1'], io);
    expect(code).toBe(1);
    expect(io.out()).toMatch(/FAIL {2}tight {2}worst-case call time: 900 ms > slo.maxCallMs 500 ms/);
  });

  it('a broken policy fails with the counterexample, seed, path and replay command', async () => {
    const io = fakeCliIo();
    // Seed a bug through the test-only hook: the consecutive breaker opens one failure late.
    const code = await withSeededBug('thresholdOffByOne', () =>
      main(['check', '--service', 'auth', '--num-runs', '50', '--seed', '5'], io),
    );
    expect(code).toBe(1);
    const out = io.out();
    expect(out).toMatch(/FAIL {2}auth {2}breaker model \(consecutive\): after CallFails/);
    expect(out).toMatch(/counterexample: \[/);
    expect(out).toMatch(
      /seed: 5 {2}path: "[^"]+" {2}replay: faultline check --service auth --seed 5 --num-runs 50/,
    );
  });

  it('exits 2 on an unknown service or a bad option', async () => {
    const unknown = fakeCliIo();
    expect(await main(['check', '--service', 'nope'], unknown)).toBe(2);
    expect(unknown.err()).toMatch(/no such service.*inference/);
    const bad = fakeCliIo();
    expect(await main(['check', '--num-runs', '0'], bad)).toBe(2);
    expect(bad.err()).toMatch(/--num-runs/);
  });
});
