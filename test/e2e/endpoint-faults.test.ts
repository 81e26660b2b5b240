import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { AttemptRecord, RunEvent } from '../../src/report/run-events.ts';
import { fakeCliIo } from '../support/fake-cli-io.ts';

/**
 * `upstreams: N` with faults aimed at one instance (`endpoint: i`): the fault reaches that
 * instance and no other, in virtual time (http fault matched by origin) and in real time
 * (tcp fault on that instance's proxy). Retries, breaker and fallback are off so each
 * attempt shows exactly what its instance answered.
 */
const scenario = (o: {
  name: string;
  mode: string;
  upstreams: number;
  fault: string;
  durationMs: number;
}) => `
name: ${o.name}
service: search
seed: 9
mode: ${o.mode}
upstreams: ${o.upstreams}
client: { retry: false, breaker: false, fallback: false }
load:
  concurrency: 2
  ratePerSec: 20
  request: { method: GET, path: /v1/search, query: { q: endpoints } }
phases:
  - name: targeted
    durationMs: ${o.durationMs}
    faults:
      - ${o.fault}
hypotheses:
  - { phase: targeted, calls: { min: 1 } }
`;

async function attempts(path: string): Promise<AttemptRecord[]> {
  return (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RunEvent)
    .filter((e): e is AttemptRecord => e.type === 'attempt');
}

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'faultline-endpoints-'));
  await mkdir(join(cwd, 'scenarios'));
  await writeFile(
    join(cwd, 'scenarios', 'http.yaml'),
    scenario({
      name: 'http fault on instance 2',
      mode: 'virtual',
      upstreams: 3,
      fault: 'http: { endpoint: 2, status: 503 }',
      durationMs: 5000,
    }),
  );
  await writeFile(
    join(cwd, 'scenarios', 'tcp.yaml'),
    scenario({
      name: 'tcp fault on instance 2',
      mode: 'real',
      upstreams: 2,
      fault: 'tcp: { endpoint: 2, down: true }',
      durationMs: 1500,
    }),
  );
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('faults aimed at one upstream instance', () => {
  it('an http fault with endpoint: 2 answers only the requests sent to instance 2', async () => {
    const io = fakeCliIo({ cwd, env: { CI: 'true' } });
    const code = await main(['run', 'scenarios/http.yaml', '--report-dir', 'out/http'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const log = await attempts(join(cwd, 'out/http/events.ndjson'));
    const byEndpoint = (i: number) => log.filter((a) => a.endpoint === i);
    expect(log.every((a) => a.endpoint !== undefined)).toBe(true);
    for (const i of [1, 2, 3]) expect(byEndpoint(i).length).toBeGreaterThan(10);
    expect(byEndpoint(2).every((a) => a.status === 503)).toBe(true);
    expect([...byEndpoint(1), ...byEndpoint(3)].every((a) => a.status === 200)).toBe(true);
  });

  it('a tcp fault with endpoint: 2 takes down only instance 2 (real time, one proxy per instance)', async () => {
    const io = fakeCliIo({ cwd, env: { CI: 'true' } });
    const code = await main(['run', 'scenarios/tcp.yaml', '--report-dir', 'out/tcp'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const log = await attempts(join(cwd, 'out/tcp/events.ndjson'));
    const one = log.filter((a) => a.endpoint === 1);
    const two = log.filter((a) => a.endpoint === 2);
    // How many calls fit in a real-time phase depends on the machine's load (3 per instance
    // were seen on a saturated 2-core machine): what is checked is that both were reached.
    expect(one.length).toBeGreaterThan(0);
    expect(two.length).toBeGreaterThan(0);
    expect(one.every((a) => a.status === 200)).toBe(true);
    expect(two.every((a) => a.status === undefined && a.errorCode !== undefined)).toBe(true);
  });
});
