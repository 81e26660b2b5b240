import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Toxiproxy } from 'toxiproxy-node-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { main } from '../../src/cli/main.ts';
import { type FaultProxy, startFaultProxy } from '../../src/proxy/start-fault-proxy.ts';
import type { RunEvent } from '../../src/report/run-events.ts';

/** A user's client adapter (docs/custom-client.md). */
const FIXTURE_CLIENT = fileURLToPath(new URL('../fixtures/custom-client.ts', import.meta.url));

/** An in-process CLI with captured output and a signal we can raise. */
function captureIo(cwd: string, { tty = false } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const waiters: Array<{ done: (stdout: string) => boolean; resolve: () => void }> = [];
  let handler: ((s: 'SIGINT' | 'SIGTERM') => void) | undefined;
  const io: CliIo = {
    stdout: {
      write: (s: string) => {
        out.push(s);
        const stdout = out.join('');
        for (const w of waiters.filter((x) => x.done(stdout))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
        return true;
      },
      isTTY: tty,
    },
    stderr: { write: (s: string) => err.push(s) },
    // On a TTY (not CI) the live progress line carries the call count.
    env: tty ? {} : { CI: 'true' },
    cwd,
    onSignal(h) {
      handler = h;
      return () => {
        handler = undefined;
      };
    },
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    raise: (s: 'SIGINT' | 'SIGTERM') => handler?.(s),
    /** Resolves once `done(stdout so far)` holds, checked on every write. */
    until: (done: (stdout: string) => boolean) =>
      done(out.join(''))
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ done, resolve })),
  };
}

const VIRTUAL = (name: string, hypotheses: string) => `
name: ${name}
service: search
seed: 3
load:
  concurrency: 2
  ratePerSec: 10
  request: { method: GET, path: /v1/search, query: { q: retry } }
phases:
  - name: steady
    durationMs: 5000
  - name: outage
    durationMs: 30000
    faults:
      - http: { rate: 0.5, networkError: true }
      - http: { delayMs: { uniform: [10, 200] } }
hypotheses:
${hypotheses}
`;

async function events(path: string): Promise<RunEvent[]> {
  return (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RunEvent);
}

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'faultline-run-'));
  await mkdir(join(cwd, 'scenarios'));
  await writeFile(
    join(cwd, 'scenarios', 'pass.yaml'),
    VIRTUAL(
      'search survives resets',
      '  - { phase: steady, successRate: { min: 1 } }\n  - { phase: outage, calls: { min: 100 } }',
    ),
  );
  await writeFile(
    join(cwd, 'scenarios', 'fail.yaml'),
    VIRTUAL('search never fails', '  - { phase: outage, upstreamCalls: { max: 1 } }'),
  );
  await writeFile(
    join(cwd, 'bad.yaml'),
    'name: broken\nservice: search\nload: { request: { path: nope } }\nphases: []\n',
  );
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('faultline run', () => {
  it('exits 0 and prints the summary when every hypothesis holds', async () => {
    const cli = captureIo(cwd);
    const code = await main(['run', 'scenarios/pass.yaml', '--report-dir', 'out/pass'], cli.io);
    expect(cli.stderr()).toBe('');
    expect(code).toBe(0);
    expect(cli.stdout()).toContain('PASS search survives resets');
    const log = await events(join(cwd, 'out/pass/events.ndjson'));
    expect(log[0]).toMatchObject({
      type: 'run-start',
      argv: ['run', 'scenarios/pass.yaml', '--report-dir', 'out/pass'],
    });
    expect(log.at(-1)).toMatchObject({ type: 'run-end', interrupted: false });
    const report = JSON.parse(await readFile(join(cwd, 'out/pass/report.json'), 'utf8'));
    expect(report.scenarios[0].verdict).toBe('pass');
  });

  it('exits 1 and names the failing hypothesis when one fails', async () => {
    const cli = captureIo(cwd);
    const code = await main(['run', '--grep', 'never fails', '--report-dir', 'out/fail'], cli.io);
    expect(code).toBe(1);
    expect(cli.stdout()).toContain('FAIL search never fails');
    expect(cli.stdout()).toContain('outage: upstream calls <= 1');
  });

  it('exits 2 before running anything for an invalid scenario, naming file, line and field', async () => {
    const cli = captureIo(cwd);
    const code = await main(['run', 'bad.yaml', '--report-dir', 'out/bad'], cli.io);
    expect(code).toBe(2);
    expect(cli.stderr()).toMatch(/bad\.yaml:\d+:\d+ /);
    await expect(readFile(join(cwd, 'out/bad/events.ndjson'))).rejects.toThrow();
  });

  it('exits 2 for a missing file, a bad --shard and a --grep that selects nothing', async () => {
    for (const argv of [
      ['run', 'nope/*.yaml'],
      ['run', '--shard', '3/2'],
      ['run', '--grep', 'no such scenario'],
      ['run', '--reporter', 'console'],
    ]) {
      const cli = captureIo(cwd);
      expect(await main(argv, cli.io), argv.join(' ')).toBe(2);
    }
  });

  it('drives a custom client adapter given with --client', async () => {
    const cli = captureIo(cwd);
    const code = await main(
      ['run', 'scenarios/fail.yaml', '--client', FIXTURE_CLIENT, '--report-dir', 'out/custom'],
      cli.io,
    );
    expect(cli.stderr()).toBe('');
    // The adapter reports no attempts: the upstreamCalls hypothesis counts them on the wire
    // (the fault interceptor it composes), so it still cannot pass vacuously.
    expect(code).toBe(1);
    expect(cli.stdout()).toMatch(/observed \d+ upstream calls \(on the wire\)/);
    const log = await events(join(cwd, 'out/custom/events.ndjson'));
    const calls = log.filter((e) => e.type === 'call');
    expect(calls.some((c) => c.type === 'call' && c.outcome === 'ok')).toBe(true);
    // Without retries the resets reach the caller.
    expect(calls.some((c) => c.type === 'call' && c.outcome === 'failed')).toBe(true);
    expect(log.some((e) => e.type === 'attempt')).toBe(false);
    expect(log.filter((e) => e.type === 'wire').length).toBeGreaterThan(1);
  });

  it('replays a virtual-time scenario identically for the same seed', async () => {
    const runOnce = async (dir: string) => {
      const cli = captureIo(cwd);
      expect(await main(['run', 'scenarios/pass.yaml', '--seed', '9', '--report-dir', dir], cli.io)).toBe(0);
      return (await events(join(cwd, dir, 'events.ndjson'))).filter(
        (e) => e.type === 'call' || e.type === 'attempt',
      );
    };
    const first = await runOnce('out/replay-1');
    const second = await runOnce('out/replay-2');
    expect(first.length).toBeGreaterThan(100);
    expect(first.some((e) => e.type === 'call' && e.outcome === 'ok' && e.latencyMs > 0)).toBe(true);
    expect(second).toEqual(first);
    const other = captureIo(cwd);
    await main(['run', 'scenarios/pass.yaml', '--seed', '10', '--report-dir', 'out/replay-3'], other.io);
    const third = (await events(join(cwd, 'out/replay-3/events.ndjson'))).filter((e) => e.type === 'call');
    expect(third).not.toEqual(first.filter((e) => e.type === 'call'));
  });
});

describe('faultline run, interrupted during a tcp fault', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy({ port: 0 });
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('removes every toxic and proxy, keeps the calls so far and exits 1', async () => {
    await writeFile(
      join(cwd, 'scenarios', 'tcp.yaml'),
      `
name: tcp latency interrupted
service: inference
load:
  concurrency: 2
  ratePerSec: 20
  request: { method: GET, path: /v1/models/risk-v1 }
phases:
  - name: warm
    durationMs: 300
  - name: slow
    durationMs: 20000
    faults:
      - tcp: { toxic: latency, attributes: { latency: 20 } }
      - tcp: { toxic: bandwidth, stream: upstream, attributes: { rate: 1000 } }
hypotheses:
  - { phase: slow, calls: { min: 1 } }
`,
    );
    const toxiproxy = new Toxiproxy(proxy.url);
    const listed = async () =>
      (await (await fetch(`${proxy.url}/proxies`)).json()) as Record<
        string,
        { enabled: boolean; toxics: unknown[] }
      >;
    const cli = captureIo(cwd, { tty: true });
    const running = main(
      ['run', 'scenarios/tcp.yaml', '--toxiproxy-url', proxy.url, '--report-dir', 'out/tcp'],
      cli.io,
    );
    // The progress line reads "... slow: N calls" once the phase's faults are in place, and
    // is redrawn as calls finish. With concurrency 2, the third call to finish after the
    // phase started was sent during it. Then count the toxics and interrupt.
    const slowCalls = (stdout: string) =>
      [...stdout.matchAll(/ slow: (\d+) calls/g)].map((m) => Number(m[1]));
    let toxics = 0;
    let code: number;
    try {
      await cli.until((stdout) => {
        const counts = slowCalls(stdout);
        return counts.length > 0 && counts.at(-1)! >= counts[0]! + 3;
      });
      toxics = Object.values(await listed()).reduce((n, p) => n + p.toxics.length, 0);
    } finally {
      cli.raise('SIGINT');
      code = await running;
    }
    expect(toxics).toBe(2);

    expect(code).toBe(1);
    // The scenario's proxy is gone (its toxics and disabled state with it), checked through the client library too.
    expect(await listed()).toEqual({});
    expect(Object.keys(await toxiproxy.getAll())).toEqual([]);
    const log = await events(join(cwd, 'out/tcp/events.ndjson'));
    expect(log.filter((e) => e.type === 'call' && e.phase === 'slow').length).toBeGreaterThan(0);
    expect(log.find((e) => e.type === 'scenario-end')).toMatchObject({ interrupted: true });
    expect(log.at(-1)).toMatchObject({ type: 'run-end', interrupted: true });
    expect(cli.stderr()).toContain('SIGINT');
  });
});
