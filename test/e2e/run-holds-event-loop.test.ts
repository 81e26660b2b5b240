import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/run-result.ts';
import { type CliChild, runCliChild } from '../support/cli-child.ts';
import { type OwnServiceProject, ownServiceProject, realScenario } from '../support/own-service-project.ts';

/**
 * Exit code 13 is Node's "a top-level await never settled": the event loop emptied in the
 * middle of the run (only unref'd timers left) and the process quit, faults applied, no
 * report. These shapes reproduced it; each runs the real CLI in a child process.
 */
let project: OwnServiceProject;
const children: CliChild[] = [];
beforeEach(async () => {
  project = await ownServiceProject();
});
afterEach(async () => {
  for (const c of children.splice(0)) {
    c.kill('SIGKILL');
    await c.exited;
  }
  await project.close();
});

function cli(argv: string[]): CliChild {
  const child = runCliChild(argv, { cwd: project.dir });
  children.push(child);
  return child;
}

async function report(): Promise<RunResult> {
  return JSON.parse(await readFile(join(project.dir, 'out', 'report.json'), 'utf8')) as RunResult;
}

/** Two short phases at 5 calls/s: between calls nothing but unref'd timers is pending. */
const SLOW_LOAD = { concurrency: 1, ratePerSec: 5 };

describe('faultline run lives until the run ends', () => {
  it('a mode: real scenario with HTTP faults only, for a registry service with a baseUrl', async () => {
    const file = await project.scenario(
      'http.yaml',
      realScenario(
        'http faults only',
        [
          { name: 'steady', durationMs: 700 },
          { name: 'bad', durationMs: 700, faults: ['http: { rate: 0.5, status: 503 }'] },
        ],
        ['{ phase: steady, calls: { min: 1 } }', '{ phase: bad, calls: { min: 1 } }'],
        SLOW_LOAD,
      ),
    );
    const run = cli(['run', file, '--report-dir', 'out']);

    const { code } = await run.exited;

    expect(code, run.out() + run.err()).toBe(0);
    expect(run.out()).toContain('1/1 scenarios passed');
    const r = await report();
    expect(r.scenarios[0]!.phases.map((p) => p.metrics.calls > 0)).toEqual([true, true]);
    expect(r.interrupted).toBe(false);
    expect(project.requests()).toBeGreaterThan(0);
  });

  it('the same with --toxiproxy-url at a separate `faultline proxy`, which is left clean', async () => {
    const proxy = cli(['proxy', '--port', '0']);
    await proxy.waitForOutput('listening on ');
    const url = /listening on (\S+)/.exec(proxy.out())![1]!;
    const file = await project.scenario(
      'tcp.yaml',
      realScenario(
        'tcp and http faults',
        [
          { name: 'steady', durationMs: 700 },
          {
            name: 'bad',
            durationMs: 700,
            faults: [
              'tcp: { toxic: latency, attributes: { latency: 5 } }',
              'http: { rate: 0.5, status: 503 }',
            ],
          },
        ],
        ['{ phase: bad, calls: { min: 1 } }'],
        SLOW_LOAD,
      ),
    );
    const run = cli(['run', file, '--toxiproxy-url', url, '--report-dir', 'out']);

    const { code } = await run.exited;

    expect(code, run.out() + run.err()).toBe(0);
    expect((await report()).scenarios[0]!.verdict).toBe('pass');
    expect(await (await fetch(`${url}/proxies`)).json()).toEqual({});
    proxy.kill('SIGINT');
    expect((await proxy.exited).code).toBe(0);
  });

  it('a --client module built on plain fetch', async () => {
    const client = await project.file(
      'fetch-client.mjs',
      [
        'export default function createClient(options) {',
        '  return {',
        '    async request(req) {',
        '      const res = await fetch(new URL(req.path, options.baseUrl), { method: req.method ?? "GET", signal: req.signal });',
        '      const body = new Uint8Array(await res.arrayBuffer());',
        '      return { status: res.status, headers: Object.fromEntries(res.headers), body };',
        '    },',
        '    async close() {},',
        '  };',
        '}',
        '',
      ].join('\n'),
    );
    const file = await project.scenario(
      'fetch.yaml',
      realScenario(
        'fetch client',
        [
          { name: 'steady', durationMs: 700 },
          { name: 'later', durationMs: 700 },
        ],
        ['{ phase: later, calls: { min: 1 } }'],
        SLOW_LOAD,
      ),
    );
    const run = cli(['run', file, '--client', client, '--report-dir', 'out']);

    const { code } = await run.exited;

    expect(code, run.out() + run.err()).toBe(0);
    const r = await report();
    expect(r.scenarios[0]).toMatchObject({ verdict: 'pass', clientModule: client });
    expect(r.scenarios[0]!.phases[1]!.metrics.calls).toBeGreaterThan(0);
  });
});
