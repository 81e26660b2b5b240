import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { type FaultProxy, startFaultProxy } from '../../src/proxy/start-fault-proxy.ts';
import { hostTag } from '../../src/scenario/faults/tcp/proxy-owner.ts';
import { runCliChild } from '../support/cli-child.ts';
import { fakeCliIo } from '../support/fake-cli-io.ts';
import { type OwnServiceProject, ownServiceProject, realScenario } from '../support/own-service-project.ts';

let project: OwnServiceProject;
let toxiproxy: FaultProxy;
beforeEach(async () => {
  project = await ownServiceProject();
  toxiproxy = await startFaultProxy({ port: 0 });
});
afterEach(async () => {
  await toxiproxy.close();
  await project.close();
});

async function proxies(): Promise<Record<string, { toxics: unknown[] }>> {
  return (await (await fetch(`${toxiproxy.url}/proxies`)).json()) as Record<string, { toxics: unknown[] }>;
}

async function createProxy(name: string): Promise<void> {
  const res = await fetch(`${toxiproxy.url}/proxies`, {
    method: 'POST',
    body: JSON.stringify({ name, listen: '127.0.0.1:0', upstream: '127.0.0.1:1' }),
  });
  expect(res.status).toBe(201);
}

describe('after a SIGKILL, the next run removes what the killed run left on the same Toxiproxy', () => {
  it('removes only its own stale proxies, and says so', async () => {
    const otherHost = hostTag() === 'aaaaaa' ? 'bbbbbb' : 'aaaaaa';
    await createProxy('my-database');
    await createProxy(`faultline-${otherHost}-1-abcdef-elsewhere`);
    const tcp = await project.scenario(
      'tcp.yaml',
      realScenario('killed mid-fault', [
        {
          name: 'slow',
          durationMs: 600_000,
          faults: ['tcp: { toxic: latency, attributes: { latency: 5 } }'],
        },
      ]),
    );
    const killed = runCliChild(['run', tcp, '--toxiproxy-url', toxiproxy.url, '--report-dir', 'out/killed'], {
      cwd: project.dir,
    });
    await killed.waitForOutput('phase slow');
    killed.kill('SIGKILL');
    await killed.exited;
    const left = Object.keys(await proxies()).filter((n) =>
      n.startsWith(`faultline-${hostTag()}-${killed.child.pid}-`),
    );
    expect(left).toHaveLength(1);
    expect((await proxies())[left[0]!]!.toxics).toHaveLength(1);

    // The next run, of any scenario (this one has no tcp fault at all).
    const plain = await project.scenario(
      'plain.yaml',
      realScenario('plain', [{ name: 'steady', durationMs: 200 }]),
    );
    const io = fakeCliIo({ cwd: project.dir });
    const code = await main(['run', plain, '--toxiproxy-url', toxiproxy.url, '--report-dir', 'out/next'], io);

    expect(code).toBe(0);
    expect(io.out()).toContain(`Removed 1 stale proxy(ies) left on ${toxiproxy.url}`);
    expect(io.out()).toContain(left[0]);
    expect(Object.keys(await proxies()).sort()).toEqual([
      `faultline-${otherHost}-1-abcdef-elsewhere`,
      'my-database',
    ]);
  });
});
