import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/run-result.ts';
import { type CliChild, runCliChild } from '../support/cli-child.ts';
import { type GatedToxiproxy, gatedToxiproxy } from '../support/gated-toxiproxy.ts';
import { type OwnServiceProject, ownServiceProject, realScenario } from '../support/own-service-project.ts';

/** Real signals to a real `faultline run` process; cleanup is held open by the Toxiproxy front. */
let project: OwnServiceProject;
let toxiproxy: GatedToxiproxy;
let run: CliChild | undefined;
beforeEach(async () => {
  project = await ownServiceProject();
  toxiproxy = await gatedToxiproxy();
});
afterEach(async () => {
  run?.kill('SIGKILL');
  await run?.exited;
  await toxiproxy.close();
  await project.close();
});

const proxies = async () =>
  Object.keys((await (await fetch(`${toxiproxy.backend.url}/proxies`)).json()) as Record<string, unknown>);

async function startSlowTcpRun(): Promise<CliChild> {
  const file = await project.scenario(
    'tcp.yaml',
    realScenario('long tcp latency', [
      { name: 'slow', durationMs: 600_000, faults: ['tcp: { toxic: latency, attributes: { latency: 5 } }'] },
    ]),
  );
  run = runCliChild(['run', file, '--toxiproxy-url', toxiproxy.url, '--report-dir', 'out'], {
    cwd: project.dir,
  });
  await run.waitForOutput('phase slow');
  run.kill('SIGINT');
  await toxiproxy.firstDelete; // cleanup has started, and is held
  return run;
}

describe('interrupts always clean up', () => {
  it('a SIGINT during start-up still reports every planned scenario, interrupted', async () => {
    const file = await project.scenario(
      'plain.yaml',
      realScenario('never reached', [{ name: 'steady', durationMs: 600_000 }]),
    );
    run = runCliChild(['run', file, '--report-dir', 'out'], { cwd: project.dir });
    await run.waitForOutput('Running 1 scenario(s)');
    run.kill('SIGINT');

    const { code } = await run.exited;

    expect(code).toBe(1);
    const report = JSON.parse(await readFile(join(project.dir, 'out', 'report.json'), 'utf8')) as RunResult;
    expect(report.scenarios.map((s) => s.name)).toEqual(['never reached']);
    expect(report.scenarios[0]!.verdict).toBe('interrupted');
    expect(report.exitCode).toBe(1);
  });

  it('a second SIGINT during cleanup does not abort it: faults undone, report written, exit 1', async () => {
    const child = await startSlowTcpRun();
    child.kill('SIGINT');
    await child.waitForOutput('still cleaning up');
    toxiproxy.release();

    const { code, signal } = await child.exited;

    expect({ code, signal }).toEqual({ code: 1, signal: null });
    expect(await proxies()).toEqual([]);
    const report = JSON.parse(await readFile(join(project.dir, 'out', 'report.json'), 'utf8')) as RunResult;
    expect(report.scenarios[0]!.verdict).toBe('interrupted');
    expect(child.out()).toContain('1 interrupted');
  });

  it('a third forces the exit and names what may be left behind', async () => {
    const child = await startSlowTcpRun();
    child.kill('SIGINT');
    await child.waitForOutput('still cleaning up');
    child.kill('SIGTERM');

    const { code } = await child.exited;

    expect(code).toBe(130);
    expect(child.err()).toContain('forced exit by SIGTERM; may be left behind');
    // The proxy the run created is still there, and the message names it.
    const [left] = await proxies();
    expect(left).toMatch(/^faultline-/);
    expect(child.err()).toContain(`delete proxy ${left}`);
  });
});
