import { afterEach, describe, expect, it } from 'vitest';
import { EndpointSet } from '../../../src/client/endpoints/endpoint-set.ts';
import { HealthProber } from '../../../src/client/endpoints/health-prober.ts';
import {
  resolveEndpoints,
  resolveHealthCheckOptions,
} from '../../../src/client/endpoints/resolve-endpoint-options.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { type LoopbackServer, startHttpServer } from './loopback-server.ts';

describe('active health checks against real endpoints', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo();
  });

  it('takes a failing endpoint out after unhealthyThreshold probes and brings it back', async () => {
    let sick = true;
    const probes: string[] = [];
    const good = await startHttpServer((req, res) => {
      probes.push(`good ${req.url}`);
      res.end('ok');
    });
    const bad = await startHttpServer((req, res) => {
      probes.push(`bad ${req.url}`);
      res.writeHead(sick ? 503 : 200);
      res.end();
    });
    cleanup.push(
      () => good.close(),
      () => bad.close(),
    );
    const clock = new ManualClock();
    const options = resolveHealthCheckOptions({
      path: '/healthz',
      intervalMs: 1_000,
      unhealthyThreshold: 2,
      healthyThreshold: 2,
    });
    const set = new EndpointSet(
      resolveEndpoints([{ url: good.url }, { url: bad.url }]),
      { loadBalancing: 'round-robin', healthCheck: options },
      clock,
    );
    const prober = new HealthProber(set, options, clock);
    cleanup.push(() => prober.close());
    prober.start();

    await runRounds(clock, prober, 1);
    expect(set.health().endpoints[1]!.status).toBe('healthy');
    await runRounds(clock, prober, 2);
    expect(set.health()).toMatchObject({
      status: 'degraded',
      endpoints: [{ status: 'healthy' }, { status: 'unhealthy' }],
    });
    expect(probes).toContain('bad /healthz');

    sick = false;
    await runRounds(clock, prober, 3);
    expect(set.health().endpoints[1]!.status).toBe('unhealthy');
    await runRounds(clock, prober, 4);
    expect(set.health().status).toBe('healthy');
  });

  it('a probe that does not answer within timeoutMs fails', async () => {
    const held: LoopbackServer['url'][] = [];
    const silent = await startHttpServer((req) => {
      held.push(req.url ?? '');
    });
    cleanup.push(() => silent.close());
    const clock = new ManualClock();
    const options = resolveHealthCheckOptions({
      path: '/h',
      intervalMs: 1_000,
      timeoutMs: 200,
      unhealthyThreshold: 1,
    });
    const set = new EndpointSet(
      resolveEndpoints([{ url: silent.url }]),
      { loadBalancing: 'round-robin', healthCheck: options },
      clock,
    );
    const prober = new HealthProber(set, options, clock);
    cleanup.push(() => prober.close());
    const round = prober.runRound();
    while (held.length === 0) await new Promise((r) => setTimeout(r, 5));
    await clock.advance(200);
    await round;
    expect(set.health().endpoints[0]!.status).toBe('unhealthy');
  });
});

/**
 * Advances the clock to the next probe round whenever no probe is in flight (the only
 * pending timer is then the prober's interval), until `rounds` rounds completed. Probe
 * timeouts are never fired this way, so a slow machine cannot fail a probe.
 */
async function runRounds(clock: ManualClock, prober: HealthProber, rounds: number): Promise<void> {
  for (let guard = 0; prober.rounds < rounds && guard < 400; guard++) {
    const next = clock.nextTimerAt();
    if (clock.pendingTimers === 1 && next !== undefined) await clock.advanceTo(next);
    else await new Promise((r) => setTimeout(r, 5));
  }
  expect(prober.rounds).toBe(rounds);
}
