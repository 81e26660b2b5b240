import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { startFaultProxy } from '../../src/proxy/start-fault-proxy.ts';
import type { RunResult } from '../../src/report/run-result.ts';
import { freePort } from '../../src/scenario/faults/tcp/free-port.ts';
import { fakeCliIo } from '../support/fake-cli-io.ts';
import { gatedToxiproxy } from '../support/gated-toxiproxy.ts';
import { type OwnServiceProject, ownServiceProject, realScenario } from '../support/own-service-project.ts';

let project: OwnServiceProject;
beforeEach(async () => {
  project = await ownServiceProject();
});
afterEach(() => project.close());

/** Every report of the run, read back from the report directory. */
async function reports(dir: string) {
  const at = (name: string) => readFile(join(project.dir, dir, name), 'utf8');
  return {
    json: JSON.parse(await at('report.json')) as RunResult,
    html: await at('report.html'),
    markdown: await at('summary.md'),
    junit: await at('junit.xml'),
  };
}

/** The verdict shows up, with its error, in the console, the totals and every report file. */
async function expectErrored(io: ReturnType<typeof fakeCliIo>, dir: string, errorText: string) {
  expect(io.out()).toMatch(/ERR {2}/);
  expect(io.out()).toContain(errorText);
  expect(io.out()).toMatch(/0\/1 scenarios passed, .*1 errored/);
  expect(io.out()).not.toContain('All hypotheses held');
  const r = await reports(dir);
  expect(r.json.scenarios).toHaveLength(1);
  expect(r.json.scenarios[0]).toMatchObject({
    verdict: 'errored',
    error: expect.stringContaining(errorText),
  });
  expect(r.json.totals.scenarios).toMatchObject({ total: 1, passed: 0, errored: 1 });
  expect(r.json.exitCode).toBe(1);
  expect(r.markdown).toContain('1 errored');
  expect(r.markdown).toContain('- errored: ');
  expect(r.markdown).toContain(errorText);
  expect(r.html).toContain('<span class="badge errored">ERRORED</span>');
  expect(r.html).toContain('Errored: ');
  expect(r.junit).toMatch(/<error message="errored: [^"]+" type="errored"\/>/);
  return r;
}

describe('a scenario that cannot run is an errored scenario, and the run exits 1', () => {
  it('--toxiproxy-url at a closed port', async () => {
    const file = await project.scenario(
      'tcp.yaml',
      realScenario('tcp latency', [
        { name: 'slow', durationMs: 500, faults: ['tcp: { toxic: latency, attributes: { latency: 10 } }'] },
      ]),
    );
    const io = fakeCliIo({ cwd: project.dir });
    const url = `http://127.0.0.1:${await freePort()}`;

    const code = await main(['run', file, '--toxiproxy-url', url, '--report-dir', 'out'], io);

    expect(code).toBe(1);
    await expectErrored(io, 'out', 'Failed to create Toxiproxy proxy');
  });

  it('a --client module whose factory throws', async () => {
    const file = await project.scenario(
      'plain.yaml',
      realScenario('plain', [{ name: 'steady', durationMs: 300 }]),
    );
    const client = await project.file(
      'throwing-client.mjs',
      "export default function createClient() { throw new Error('the factory is broken'); }\n",
    );
    const io = fakeCliIo({ cwd: project.dir });

    const code = await main(['run', file, '--client', client, '--report-dir', 'out'], io);

    expect(code).toBe(1);
    const r = await expectErrored(io, 'out', 'the factory is broken');
    // The report says which client ran, and its replay drives the same client.
    expect(r.json.scenarios[0]!.clientModule).toBe(client);
    expect(r.json.scenarios[0]!.replayCommand).toContain(`--client ${client}`);
  });

  it('a crash while undoing faults (the Toxiproxy went away mid-phase)', async () => {
    const proxy = await startFaultProxy({ port: 0 });
    const file = await project.scenario(
      'tcp.yaml',
      realScenario('toxiproxy dies', [
        {
          name: 'slow',
          durationMs: 600_000,
          faults: ['tcp: { toxic: latency, attributes: { latency: 5 } }'],
        },
      ]),
    );
    const io = fakeCliIo({ cwd: project.dir, env: { CI: 'true' } });

    const running = main(['run', file, '--toxiproxy-url', proxy.url, '--report-dir', 'out'], io);
    await io.waitForOutput('phase slow');
    await proxy.close();
    io.raise('SIGINT');
    const code = await running;

    expect(code).toBe(1);
    // Interrupted, and its faults could not be removed: errored, naming what may be left behind.
    await expectErrored(io, 'out', 'cleanup failed: ');
    expect(io.out()).toMatch(/cleanup failed: (remove toxic|delete proxy)/);
  });

  it('a crash at the end of a phase (its fault cannot be removed)', async () => {
    const toxiproxy = await gatedToxiproxy({ failDeletes: true });
    try {
      const file = await project.scenario(
        'tcp.yaml',
        realScenario('fault stuck', [
          { name: 'slow', durationMs: 300, faults: ['tcp: { toxic: latency, attributes: { latency: 5 } }'] },
          { name: 'after', durationMs: 300 },
        ]),
      );
      const io = fakeCliIo({ cwd: project.dir });

      const code = await main(['run', file, '--toxiproxy-url', toxiproxy.url, '--report-dir', 'out'], io);

      expect(code).toBe(1);
      await expectErrored(
        io,
        'out',
        'Failed to remove the faults of phase slow: remove toxic slow-0-latency',
      );
    } finally {
      await toxiproxy.close();
    }
  });

  it('the starter of `faultline new scenario` for a service without a reference service', async () => {
    const io = fakeCliIo({ cwd: project.dir });
    expect(await main(['new', 'scenario', 'starter', '--service', 'mine'], io)).toBe(0);

    const code = await main(['run', 'scenarios/starter.yaml', '--report-dir', 'out'], io);

    // Before: virtual time (which needs a reference service), nothing ran, and the run exited 0.
    // Now the starter runs in real time against the service's baseUrl, on evidence.
    const report = JSON.parse(await readFile(join(project.dir, 'out', 'report.json'), 'utf8')) as RunResult;
    const s = report.scenarios[0]!;
    expect(s.mode).toBe('real');
    expect(s.verdict).not.toBe('errored');
    expect(s.metrics.calls).toBeGreaterThan(0);
    expect(s.hypotheses.length).toBeGreaterThan(0);
    expect(code).toBe(s.verdict === 'pass' ? 0 : 1);
  });
});
