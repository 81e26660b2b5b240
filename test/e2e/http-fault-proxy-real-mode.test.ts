import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent, WireRecord } from '../../src/report/run-events.ts';
import { runScenarios } from '../../src/scenario/run-scenarios.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Real time, http faults only: the runner must put the HTTP fault proxy behind baseUrl. */
const SCENARIO = `
name: plain fetch meets the http fault proxy
service: search
seed: 3
mode: real
load:
  concurrency: 1
  ratePerSec: 20
  maxCalls: 12
  request: { method: GET, path: /v1/search, query: { q: proxy } }
phases:
  - name: fault
    durationMs: 800
    faults:
      - http: { firstN: 3, status: 503, retryAfter: 2 }
hypotheses:
  - attemptsPerCall: { max: 1 }
  - phase: fault
    nonRetryable: {}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-http-proxy-'));
  await writeFile(join(dir, 'proxy.yaml'), SCENARIO);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('real time: the HTTP fault proxy behind baseUrl', () => {
  it('injects http faults into a plain fetch client and records every exchange on the wire, tagged by call', async () => {
    const summary = await runScenarios({
      cwd: ROOT,
      files: [join(dir, 'proxy.yaml')],
      clientModule: 'test/fixtures/clients/plain-fetch.ts',
      reportDir: join(dir, 'report'),
      reporters: ['json'],
    });
    const events = (await readFile(summary.eventLogPath, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunEvent);
    const wire = events.filter((e): e is WireRecord => e.type === 'wire');
    const calls = events.filter((e) => e.type === 'call');
    expect(calls.length).toBeGreaterThanOrEqual(3);
    // The first three answered by the fault, not the service; the rest forwarded.
    expect(wire.slice(0, 3).map((w) => [w.status, w.retryAfter, w.upstream])).toEqual([
      [503, '2', false],
      [503, '2', false],
      [503, '2', false],
    ]);
    expect(wire.slice(3).every((w) => w.status === 200 && w.upstream)).toBe(true);
    expect(new Set(wire.map((w) => w.call)).size).toBe(wire.length);
    expect(wire.every((w) => w.call?.startsWith('c') && w.method === 'GET' && w.path === '/v1/search')).toBe(
      true,
    );

    const [apc, nonRetryable] = summary.result.scenarios[0]!.hypotheses;
    expect(apc).toMatchObject({ verdict: 'pass', evidence: 'wire' });
    // No 4xx was sent: the hypothesis cannot be proven, so it fails as inconclusive.
    expect(nonRetryable).toMatchObject({ verdict: 'fail', evidence: 'wire' });
    expect(nonRetryable!.observed).toMatch(/inconclusive: no 400\/401\/404\/422 was sent on the wire/);
  });
});
